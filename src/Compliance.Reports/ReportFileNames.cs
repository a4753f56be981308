using System.Globalization;

namespace Compliance.Reports;

/// <summary>
/// The published file names (contract.md "Outputs"). Scripts and the <c>verify</c> command find
/// the files by these names, so they are built in one place only.
/// </summary>
public static class ReportFileNames
{
    public const string Findings = "findings.json";
    public const string Manifest = "manifest.json";

    public static string Pdf(string tenant, string period) => BaseName(tenant, period) + ".pdf";

    public static string Workbook(string tenant, string period) => BaseName(tenant, period) + ".xlsx";

    // The tenant name comes from configuration; refusing path characters keeps a bad value from
    // writing outside the report directory.
    private static string BaseName(string tenant, string period)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenant);
        ArgumentException.ThrowIfNullOrWhiteSpace(period);
        if (tenant.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || tenant.Contains('/', StringComparison.Ordinal)
            || tenant.Contains('\\', StringComparison.Ordinal) || tenant.StartsWith('.'))
        {
            throw new ArgumentException($"Tenant name '{tenant}' cannot be used in a file name.", nameof(tenant));
        }

        if (!DateTime.TryParseExact(period, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            throw new ArgumentException($"Period '{period}' is not in the form yyyy-MM.", nameof(period));
        }

        return $"compliance-review-{tenant}-{period}";
    }
}
