namespace Compliance.Rules.Evidence;

/// <summary>
/// A record id kept as 16 bytes when it is a GUID in Graph's lowercase form (sign-in ids are: m365-apis.md §1.1), and
/// as the text itself otherwise, so that <see cref="ToString"/> always returns exactly the text it was given. A million
/// sign-ins each holding its id as a 36-character string cost ~100 MB of the large tenant's review; as GUIDs, 16 MB.
/// </summary>
public readonly record struct GuidText
{
    private readonly Guid guid;
    private readonly string? text;

    private GuidText(Guid guid, string? text)
    {
        this.guid = guid;
        this.text = text;
    }

    public static GuidText Of(string value) =>
        Guid.TryParseExact(value, "D", out var guid) && IsLowercase(value) ? new GuidText(guid, null) : new GuidText(default, value);

    public override string ToString() => text ?? guid.ToString("D");

    // Guid.ToString("D") writes lowercase; an uppercase id must keep its own spelling.
    private static bool IsLowercase(string value) => !value.Any(char.IsUpper);
}
