namespace Compliance.Rules.Evidence;

/// <summary>
/// The key an activity record's owner is looked up by: the owner with ASCII letters lower-cased and nothing else changed.
/// That is exactly what SQLite's lower() does ("by default only works for ASCII characters", sqlite.org/lang_corefunc.html),
/// so records keyed in C# and records keyed by a migration's SQL agree, and stored and in-memory records answer
/// <see cref="ActivityRecords{T}.OwnedBy"/> alike. App ids are GUIDs and addresses compare case-insensitively in their ASCII part.
/// </summary>
public static class ActivityOwner
{
    public static string? Key(string? owner)
    {
        if (owner is null)
        {
            return null;
        }

        return string.Create(owner.Length, owner, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                span[i] = char.IsAsciiLetterUpper(text[i]) ? (char)(text[i] | 0x20) : text[i];
            }
        });
    }
}
