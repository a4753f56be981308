using System.Text;

namespace Compliance.Rules.Opath;

/// <summary>
/// Splits an OPATH filter into tokens. Quoting follows PowerShell: '…' or "…", a doubled quote inside
/// stands for one (about_Quoting_Rules). Variables other than $null are not supported.
/// </summary>
internal static class OpathTokenizer
{
    public static List<OpathToken> Tokenize(string filter)
    {
        var tokens = new List<OpathToken>();
        var i = 0;
        while (i < filter.Length)
        {
            var c = filter[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')')
            {
                tokens.Add(new OpathToken(c == '(' ? OpathTokenKind.OpenParen : OpathTokenKind.CloseParen, c.ToString(), i));
                i++;
            }
            else if (c is '\'' or '"' or '‘' or '’' or '“' or '”')
            {
                tokens.Add(ReadQuoted(filter, ref i));
            }
            else if (c == '-' && i + 1 < filter.Length && char.IsLetter(filter[i + 1]))
            {
                var start = i++;
                while (i < filter.Length && char.IsLetter(filter[i]))
                {
                    i++;
                }

                tokens.Add(new OpathToken(OpathTokenKind.Operator, filter[start..i].ToLowerInvariant(), start));
            }
            else if (c == '$')
            {
                var start = i++;
                while (i < filter.Length && char.IsLetterOrDigit(filter[i]))
                {
                    i++;
                }

                var name = filter[start..i];
                if (!name.Equals("$null", StringComparison.OrdinalIgnoreCase))
                {
                    throw new OpathSyntaxException(filter, start, $"variable {name} is not supported (only $null)");
                }

                tokens.Add(new OpathToken(OpathTokenKind.Null, name, start));
            }
            else
            {
                var start = i;
                while (i < filter.Length && !char.IsWhiteSpace(filter[i]) && filter[i] is not ('(' or ')' or '\'' or '"'))
                {
                    i++;
                }

                tokens.Add(new OpathToken(OpathTokenKind.Word, filter[start..i], start));
            }
        }

        tokens.Add(new OpathToken(OpathTokenKind.End, string.Empty, filter.Length));
        return tokens;
    }

    private static OpathToken ReadQuoted(string filter, ref int i)
    {
        var start = i;
        var single = filter[i] is '\'' or '‘' or '’';
        i++;
        var value = new StringBuilder();
        while (i < filter.Length)
        {
            var c = filter[i];
            var closes = single ? c is '\'' or '‘' or '’' : c is '"' or '“' or '”';
            if (closes)
            {
                if (i + 1 < filter.Length && filter[i + 1] == c)
                {
                    value.Append(c);
                    i += 2;
                    continue;
                }

                i++;
                return new OpathToken(OpathTokenKind.Quoted, value.ToString(), start);
            }

            value.Append(c);
            i++;
        }

        throw new OpathSyntaxException(filter, start, "quoted value is not closed");
    }
}
