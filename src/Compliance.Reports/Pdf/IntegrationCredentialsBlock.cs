using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Pdf;

/// <summary>
/// The app's secrets and certificates with age, lifetime and days to expiry (from the run's AsOf) and the
/// last successful sign-in that used each one (sign-ins' servicePrincipalCredentialKeyId).
/// </summary>
internal static class IntegrationCredentialsBlock
{
    private static readonly TableColumn[] Columns =
    [
        new("Type", 0.9), new("On", 1.0), new("Key id / name", 2.2), new("Age (d)", 0.7), new("Lifetime (d)", 0.8),
        new("Expires in (d)", 0.8), new("Last used", 1.4),
    ];

    public static void Render(LayoutCursor cursor, EvidenceSnapshot evidence, IntegrationFacts integration)
    {
        var theme = cursor.Theme;
        cursor.SubHeading("Credentials");
        string[] sources = [EvidenceSources.Applications, EvidenceSources.ServicePrincipals];
        foreach (var notice in sources.Select(s => SourceNotice.Missing(evidence, s)).OfType<string>())
        {
            cursor.Alert(notice);
        }

        if (integration.Credentials.Count == 0)
        {
            cursor.Paragraph(integration.Application is null && integration.Principal is null
                ? "Neither an app registration nor a service principal was found for this app id."
                : "No secrets or certificates are set on the app registration or the service principal.", theme.Body, theme.Text);
            return;
        }

        // Without sign-ins, "never used" would be a false statement: say it is unknown instead.
        var signIns = SourceNotice.HasData(evidence, EvidenceSources.SignIns);
        if (!signIns)
        {
            cursor.Paragraph("Last use is unknown: " + SourceNotice.Missing(evidence, EvidenceSources.SignIns), theme.Body, theme.Alert);
        }

        new PdfTable(Columns).Render(cursor, integration.Credentials.Select(c => (IReadOnlyList<TableCell>)
        [
            ContractNames.Of(c.Credential.Type),
            c.Credential.Holder == CredentialHolder.Application ? "app registration" : "service principal",
            c.Credential.DisplayName is { } name ? $"{c.Credential.KeyId}\n{name}" : c.Credential.KeyId,
            ReportFormat.Days(c.AgeDays),
            ReportFormat.Days(c.LifetimeDays),
            ExpiryCell(c),
            c.LastUsed is { } used ? ReportFormat.Date(used) : signIns ? "not used in window" : "unknown",
        ]));
    }

    private static TableCell ExpiryCell(HeldCredential credential) => credential.DaysToExpiry switch
    {
        null => "no end date",
        <= 0 => new TableCell("expired " + ReportFormat.Days(-credential.DaysToExpiry) + " d ago", ReportPalette.Red, Bold: true),
        <= 30 => new TableCell(ReportFormat.Days(credential.DaysToExpiry), ReportPalette.Orange, Bold: true),
        _ => ReportFormat.Days(credential.DaysToExpiry),
    };
}
