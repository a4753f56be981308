using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>Every credential on app registrations and service principals, with age, lifetime, days to expiry and last use.</summary>
internal static class CredentialsSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var evidence = context.Document.Evidence;
        var styles = context.Styles;
        var sheet = new SheetTable("Credentials",
        [
            "App id", "App", "Holder", "Type", "Key id", "Display name", "Start (UTC)", "End (UTC)", "Days to expiry",
            "Age (days)", "Lifetime (days)", "Last used (UTC)",
        ]);
        context.NoteMissing(sheet, EvidenceSources.Applications);
        context.NoteMissing(sheet, EvidenceSources.ServicePrincipals);
        var signIns = SourceNoticeText(context);
        if (signIns is not null)
        {
            sheet.Note("Last used is empty because " + signIns, styles.Notice);
        }

        // Streamed: a large tenant holds hundreds of thousands of credentials.
        var held = evidence.Applications.SelectMany(a => a.Credentials.Select(c => (a.AppId, Name: a.DisplayName, Credential: c)))
            .Concat(evidence.ServicePrincipals.SelectMany(s => s.Credentials.Select(c => (s.AppId, Name: s.DisplayName, Credential: c))));
        var count = evidence.Applications.Sum(a => a.Credentials.Count) + evidence.ServicePrincipals.Sum(s => s.Credentials.Count);
        sheet.Stream(held.Select(h => new[]
        {
            SheetValue.Text(h.AppId),
            SheetValue.Text(h.Name),
            SheetValue.Text(ContractNames.Of(h.Credential.Holder)),
            SheetValue.Text(ContractNames.Of(h.Credential.Type)),
            SheetValue.Text(h.Credential.KeyId),
            SheetValue.Text(h.Credential.DisplayName),
            SheetValue.Date(h.Credential.StartDateTime, styles.Date),
            SheetValue.Date(h.Credential.EndDateTime, styles.Date),
            // Measured from the evidence clock, not today: the workbook is a record of the run.
            SheetValue.Number(h.Credential.DaysToExpiry(evidence.AsOf) is { } days ? Math.Round(days, 1) : null, styles.OneDecimal),
            SheetValue.Number(h.Credential.StartDateTime is { } s ? Math.Round((evidence.AsOf - s).TotalDays, 1) : null, styles.OneDecimal),
            SheetValue.Number(h.Credential is { StartDateTime: { } from, EndDateTime: { } to } ? Math.Round((to - from).TotalDays, 1) : null, styles.OneDecimal),
            SheetValue.Date(context.Activity.LastUsed(h.AppId, h.Credential.KeyId), styles.Date),
        }), count);
        return sheet;
    }

    private static string? SourceNoticeText(WorkbookContext context) =>
        Facts.SourceNotice.HasData(context.Document.Evidence, EvidenceSources.SignIns)
            ? null
            : Facts.SourceNotice.Missing(context.Document.Evidence, EvidenceSources.SignIns);
}
