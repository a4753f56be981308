using System.Globalization;
using System.Text.RegularExpressions;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// Evaluates a management scope's RecipientRestrictionFilter against a mailbox, as Exchange does for
/// Test-ServicePrincipalAuthorization -Resource. Independent of the rules' evaluator on purpose: the simulator plays
/// Microsoft, so a bug in one cannot confirm the other. Supports -eq -ne -like -notlike -and -or -not, parentheses,
/// quoted values and $null; MemberOfGroup compares the group DN and counts direct members only (m365-apis.md §5.1).
/// The date properties WhenChangedUTC, WhenCreatedUTC and WhenSoftDeleted (given as <see cref="RecipientDates"/>)
/// compare with -eq -ne -gt -ge -lt -le against a quoted date such as '8/1/2017 2:00:00 PM' (learn: exchange
/// "Filterable properties for the Filter parameter on Exchange cmdlets", WhenChangedUTC); UTC, to the second.
/// A filter it cannot parse throws <see cref="FormatException"/>.
/// </summary>
internal sealed partial class OpathMatcher
{
    [GeneratedRegex(@"\s*(\(|\)|-and\b|-or\b|-not\b|-eq\b|-ne\b|-like\b|-notlike\b|-gt\b|-ge\b|-lt\b|-le\b|'(?:[^']|'')*'|""(?:[^""]|"""")*""|\$null\b|[A-Za-z][A-Za-z0-9]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Token();

    private readonly List<string> tokens;
    private readonly SimMailbox mailbox;
    private readonly SimDirectory directory;
    private readonly RecipientDates? dates;
    private int position;

    private OpathMatcher(List<string> tokens, SimMailbox mailbox, SimDirectory directory, RecipientDates? dates)
    {
        this.tokens = tokens;
        this.mailbox = mailbox;
        this.directory = directory;
        this.dates = dates;
    }

    /// <summary>The recipient's dates as the cmdlets show them (to the second); WhenSoftDeleted only for a soft-deleted mailbox.</summary>
    public sealed record RecipientDates(DateTimeOffset WhenChangedUtc, DateTimeOffset WhenCreatedUtc, DateTimeOffset? WhenSoftDeleted);

    public static bool Matches(string filter, SimMailbox mailbox, SimDirectory directory, RecipientDates? dates = null)
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

        var matcher = new OpathMatcher(tokens, mailbox, directory, dates);
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
        if (Date(property) is { } date)
        {
            return Compare(date, op, literal);
        }

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

    /// <summary>Null when <paramref name="property"/> is not a date property; a date property with no value is MinValue.</summary>
    private DateTimeOffset? Date(string property) => property.ToLowerInvariant() switch
    {
        "whenchangedutc" or "whenchanged" => Known().WhenChangedUtc,
        "whencreatedutc" or "whencreated" => Known().WhenCreatedUtc,
        "whensoftdeleted" => Known().WhenSoftDeleted ?? DateTimeOffset.MinValue,
        _ => null,
    };

    private RecipientDates Known() => dates ?? throw new FormatException("Date properties cannot be filtered on here.");

    private static bool Compare(DateTimeOffset value, string op, string? literal)
    {
        if (op is "-like" or "-notlike")
        {
            throw new FormatException($"Operator '{op}' does not apply to dates.");
        }

        if (literal is null || !DateTime.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed))
        {
            throw new FormatException($"'{literal}' is not a date.");
        }

        var when = new DateTimeOffset(parsed, TimeSpan.Zero);
        var at = new DateTimeOffset(value.UtcTicks - (value.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        return op switch
        {
            "-eq" => at == when,
            "-ne" => at != when,
            "-gt" => at > when,
            "-ge" => at >= when,
            "-lt" => at < when,
            _ => at <= when,
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
