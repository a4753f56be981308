namespace Compliance.Rules.Opath;

/// <summary>
/// The recipient filter properties the evaluator supports (controls.md; Exchange "Filterable properties for
/// the RecipientFilter parameter"). Anything else makes the filter unsupported.
/// </summary>
public static class OpathProperty
{
    public const string MemberOfGroup = "MemberOfGroup";
    public const string EmailAddresses = "EmailAddresses";

    private static readonly string[] Fixed =
    [
        "PrimarySmtpAddress", EmailAddresses, "Alias", "Name", "DisplayName", "Department", "Company", "Office",
        "RecipientTypeDetails", MemberOfGroup,
    ];

    public static IReadOnlyList<string> All { get; } =
        [.. Fixed, .. Enumerable.Range(1, 15).Select(n => $"CustomAttribute{n}")];

    /// <summary>The canonical spelling of a supported property, or null.</summary>
    public static string? Canonical(string name) =>
        All.FirstOrDefault(p => p.Equals(name, StringComparison.OrdinalIgnoreCase));
}
