using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.Graph;

/// <summary>The header section of a MIME message: fields unfolded (RFC 5322 §2.2.3), names compared case-insensitively.</summary>
internal static partial class MimeHeaders
{
    /// <summary>The fields in order, or null when a line is neither "name: value" nor a folded continuation.</summary>
    public static IReadOnlyList<KeyValuePair<string, string>>? Parse(string section)
    {
        var fields = new List<KeyValuePair<string, string>>();
        foreach (var line in section.Split("\r\n"))
        {
            if (line.Length > 0 && (line[0] == ' ' || line[0] == '\t') && fields.Count > 0)
            {
                fields[^1] = new(fields[^1].Key, fields[^1].Value + line);
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || !FieldName().IsMatch(line[..colon]))
            {
                return null;
            }

            fields.Add(new(line[..colon], line[(colon + 1)..].Trim()));
        }

        return fields;
    }

    public static string? Boundary(IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        var type = Value(fields, "Content-Type");
        if (type is null || !type.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var match = BoundaryParameter().Match(type);
        return match.Success ? match.Groups["quoted"].Success ? match.Groups["quoted"].Value : match.Groups["token"].Value : "";
    }

    /// <summary>The addr-spec of every mailbox in the named address fields ("Name &lt;a@b&gt;" or "a@b").</summary>
    public static IReadOnlyList<string> Addresses(IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        [.. fields.Where(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase))
            .SelectMany(f => f.Value.Split(','))
            .Select(a => a.Contains('<', StringComparison.Ordinal) ? a[(a.IndexOf('<', StringComparison.Ordinal) + 1)..].TrimEnd().TrimEnd('>') : a.Trim())
            .Where(a => a.Contains('@', StringComparison.Ordinal))];

    private static string? Value(IReadOnlyList<KeyValuePair<string, string>> fields, string name) =>
        fields.FirstOrDefault(f => string.Equals(f.Key, name, StringComparison.OrdinalIgnoreCase)).Value;

    // RFC 5322 §3.6.8: a field name is printable ASCII except the colon.
    [GeneratedRegex("^[!-9;-~]+$", RegexOptions.CultureInvariant)]
    private static partial Regex FieldName();

    [GeneratedRegex("boundary=(?:\"(?<quoted>[^\"]+)\"|(?<token>[^;\\s]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BoundaryParameter();
}
