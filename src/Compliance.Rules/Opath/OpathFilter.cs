namespace Compliance.Rules.Opath;

/// <summary>
/// Recursive-descent parser for the OPATH subset of controls.md:
/// <code>
/// or         := and ( -or and )*
/// and        := unary ( -and unary )*
/// unary      := -not unary | '(' or ')' | comparison
/// comparison := Property (-eq | -ne | -like | -notlike) (quoted | word | $null)
/// </code>
/// Anything else throws <see cref="OpathSyntaxException"/> naming the position and quoting the filter.
/// </summary>
public sealed class OpathFilter
{
    private static readonly HashSet<string> ComparisonOperators = ["-eq", "-ne", "-like", "-notlike"];

    private readonly string text;
    private readonly List<OpathToken> tokens;
    private int index;

    private OpathFilter(string text)
    {
        this.text = text;
        tokens = OpathTokenizer.Tokenize(text);
    }

    public static OpathExpression Parse(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var parser = new OpathFilter(filter);
        if (parser.Peek.Kind == OpathTokenKind.End)
        {
            throw new OpathSyntaxException(filter, 0, "the filter is empty");
        }

        var expression = parser.ParseOr();
        return parser.Peek.Kind == OpathTokenKind.End
            ? expression
            : throw parser.Error($"unexpected '{parser.Peek.Text}'");
    }

    private OpathToken Peek => tokens[index];

    private OpathToken Next() => tokens[index++];

    private bool TakeOperator(string op)
    {
        if (Peek.Kind == OpathTokenKind.Operator && Peek.Text == op)
        {
            index++;
            return true;
        }

        return false;
    }

    private OpathExpression ParseOr()
    {
        var left = ParseAnd();
        while (TakeOperator("-or"))
        {
            left = new OpathOr(left, ParseAnd());
        }

        return left;
    }

    private OpathExpression ParseAnd()
    {
        var left = ParseUnary();
        while (TakeOperator("-and"))
        {
            left = new OpathAnd(left, ParseUnary());
        }

        return left;
    }

    private OpathExpression ParseUnary()
    {
        if (TakeOperator("-not"))
        {
            return new OpathNot(ParseUnary());
        }

        if (Peek.Kind == OpathTokenKind.OpenParen)
        {
            Next();
            var inner = ParseOr();
            if (Peek.Kind != OpathTokenKind.CloseParen)
            {
                throw Error("missing ')'");
            }

            Next();
            return inner;
        }

        return ParseComparison();
    }

    private OpathComparison ParseComparison()
    {
        var propertyToken = Next();
        if (propertyToken.Kind != OpathTokenKind.Word)
        {
            throw Error($"expected a property name, found '{propertyToken.Text}'", propertyToken);
        }

        var property = OpathProperty.Canonical(propertyToken.Text)
            ?? throw Error($"property '{propertyToken.Text}' is not supported", propertyToken);

        var op = Next();
        if (op.Kind != OpathTokenKind.Operator || !ComparisonOperators.Contains(op.Text))
        {
            throw Error($"operator '{op.Text}' is not supported (supported: -eq, -ne, -like, -notlike)", op);
        }

        var value = Next();
        return value.Kind switch
        {
            OpathTokenKind.Quoted or OpathTokenKind.Word => new OpathComparison(property, op.Text, value.Text),
            OpathTokenKind.Null when op.Text is "-eq" or "-ne" => new OpathComparison(property, op.Text, null),
            OpathTokenKind.Null => throw Error($"$null cannot be used with {op.Text}", value),
            _ => throw Error($"expected a value after {op.Text}, found '{value.Text}'", value),
        };
    }

    private OpathSyntaxException Error(string problem, OpathToken? at = null) =>
        new(text, (at ?? Peek).Position, problem);
}
