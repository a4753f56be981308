using System.Text.RegularExpressions;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// Evaluates a management scope's RecipientRestrictionFilter against a mailbox, as Exchange does for
/// Test-ServicePrincipalAuthorization -Resource. Independent of the rules' evaluator on purpose: the simulator plays
/// Microsoft, so a bug in one cannot confirm the other. Supports -eq -ne -like -notlike -and -or -not, parentheses,
/// quoted values and $null; MemberOfGroup compares the group DN and counts direct members only (m365-apis.md §5.1).
/// A filter it cannot parse throws <see cref="FormatException"/>.
/// </summary>
internal sealed partial class OpathMatcher
{
    [GeneratedRegex(@"\s*(\(|\)|-and\b|-or\b|-not\b|-eq\b|-ne\b|-like\b|-notlike\b|'(?:[^']|'')*'|""(?:[^""]|"""")*""|\$null\b|[A-Za-z][A-Za-z0-9]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private readonly List<string> tokens;
    private readonly SimMailbox mailbox;
    private readonly SimDirectory directory;
    private int position;

    private OpathMatcher(List<string> tokens, SimMailbox mailbox, SimDirectory directory)
    {
        this.tokens = tokens;
        this.mailbox = mailbox;
        this.directory = directory;
    }

    public static bool Matches(string filter, SimMailbox mailbox, SimDirectory directory)
    {
        var tokens = new List<string>();
        var at = 0;
        while (at < filter.Length)
        {
            if (char.IsWhiteSpace(filter[at]))
            {
                at++;
                continue;
            }

            var m = Token().Match(filter, at);
            if (!m.Success || m.Index != at)
            {
                throw new FormatException($"Invalid filter syntax near position {at}: '{filter}'.");
            }

            tokens.Add(m.Groups[1].Value);
            at = m.Index + m.Length;
        }

        var matcher = new OpathMatcher(tokens, mailbox, directory);
        var result = matcher.Or();
        if (matcher.position != tokens.Count)
        {
            throw new FormatException($"Invalid filter syntax: unexpected '{tokens[matcher.position]}' in '{filter}'.");
        }

        return result;
    }

    private bool Or()
    {
        var value = And();
        while (Accept("-or"))
        {
            value |= And();
        }

        return value;
    }

    private bool And()
    {
        var value = Unary();
        while (Accept("-and"))
        {
            value &= Unary();
        }

        return value;
    }

    private bool Unary()
    {
        if (Accept("-not"))
        {
            return !Unary();
        }

        if (Accept("("))
        {
            var inner = Or();
            Expect(")");
            return inner;
        }

        var property = Next();
        var op = Next().ToLowerInvariant();
        var literal = Literal(Next());
        var values = Values(property);
        return op switch
        {
            "-eq" => literal is null ? values.Count == 0 : values.Any(v => string.Equals(v, literal, StringComparison.OrdinalIgnoreCase)),
            "-ne" => literal is null ? values.Count > 0 : !values.Any(v => string.Equals(v, literal, StringComparison.OrdinalIgnoreCase)),
            "-like" => literal is not null && values.Any(v => Like(v, literal)),
            "-notlike" => literal is null || !values.Any(v => Like(v, literal)),
            _ => throw new FormatException($"Unknown operator '{op}'."),
        };
    }

    private List<string> Values(string property)
    {
        var m = mailbox;
        if (property.StartsWith("CustomAttribute", StringComparison.OrdinalIgnoreCase) && int.TryParse(property["CustomAttribute".Length..], out var n) && n is >= 1 and <= 15)
        {
            return m.CustomAttributes[n - 1] is { } a ? [a] : [];
        }

        string? single = property.ToLowerInvariant() switch
        {
            "primarysmtpaddress" or "windowsemailaddress" => m.Address,
            "alias" => m.Alias,
            "name" => m.Alias,
            "displayname" => m.DisplayName,
            "department" => m.Department,
            "company" => m.Company,
            "office" => m.Office,
            "recipienttypedetails" => m.RecipientTypeDetails,
            "emailaddresses" => "SMTP:" + m.Address,
            "memberofgroup" => null,
            _ => throw new FormatException($"'{property}' is not a recognized filterable property."),
        };
        if (property.Equals("MemberOfGroup", StringComparison.OrdinalIgnoreCase))
        {
            return directory.Groups.Where(g => g.MemberUserIds.Contains(m.Id)).Select(g => g.DistinguishedName).ToList();
        }

        if (property.Equals("EmailAddresses", StringComparison.OrdinalIgnoreCase))
        {
            return ["SMTP:" + m.Address, "smtp:" + m.Address];
        }

        return single is null ? [] : [single];
    }

    private static bool Like(string value, string pattern) =>
        Regex.IsMatch(value, "^" + Regex.Escape(pattern).Replace("\\*", ".*", StringComparison.Ordinal) + "$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static string? Literal(string token)
    {
        if (token.Equals("$null", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (token.Length >= 2 && (token[0] == '\'' || token[0] == '"'))
        {
            var quote = token[0];
            return token[1..^1].Replace(new string(quote, 2), quote.ToString(), StringComparison.Ordinal);
        }

        throw new FormatException($"Expected a quoted value, found '{token}'.");
    }

    private string Next() => position < tokens.Count ? tokens[position++] : throw new FormatException("The filter ends unexpectedly.");

    private bool Accept(string token)
    {
        if (position < tokens.Count && string.Equals(tokens[position], token, StringComparison.OrdinalIgnoreCase))
        {
            position++;
            return true;
        }

        return false;
    }

    private void Expect(string token)
    {
        if (!Accept(token))
        {
            throw new FormatException($"Expected '{token}'.");
        }
    }
}
