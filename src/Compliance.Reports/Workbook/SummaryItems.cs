namespace Compliance.Reports.Workbook;

/// <summary>
/// Item labels of the Summary sheet that `attest` finds again in a published workbook (AttestedSummarySheet), so the
/// writer and the rewrite cannot drift apart.
/// </summary>
internal static class SummaryItems
{
    public const string SheetName = "Summary";

    /// <summary>The row that says "not yet attested" until `attest` fills it in.</summary>
    public const string Attestation = "Attestation";

    /// <summary>A date row: its cell style is the workbook's date style, which the attested date reuses.</summary>
    public const string CompletedAt = "Completed at (UTC)";

    /// <summary>The rows `attest` adds under <see cref="Attestation"/>: the attestation page's lines (AttestationSection).</summary>
    public const string Reviewer = "Attestation reviewer";

    public const string AttestedAt = "Attestation date (UTC)";

    public const string Statement = "Attestation statement";

    public const string RunChainHash = "Run chain hash";

    public static readonly IReadOnlySet<string> SignOffRows = new HashSet<string>(StringComparer.Ordinal) { Reviewer, AttestedAt, Statement, RunChainHash };

    public static string AttestedBy(string reviewer, DateTimeOffset attestedAt) => $"attested by {reviewer} on {ReportFormat.Date(attestedAt)}";
}
