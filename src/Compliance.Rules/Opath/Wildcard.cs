namespace Compliance.Rules.Opath;

/// <summary>OPATH -like: '*' matches any run of characters; everything else is literal, case-insensitive.</summary>
internal static class Wildcard
{
    public static bool IsMatch(string text, string pattern)
    {
        var parts = pattern.Split('*');
        if (parts.Length == 1)
        {
            return text.Equals(pattern, StringComparison.OrdinalIgnoreCase);
        }

        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var position = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = text.IndexOf(parts[i], position, StringComparison.OrdinalIgnoreCase);
            if (found < 0)
            {
                return false;
            }

            position = found + parts[i].Length;
        }

        var last = parts[^1];
        return text.Length - position >= last.Length && text.EndsWith(last, StringComparison.OrdinalIgnoreCase);
    }
}
