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

        var held = evidence.Applications.SelectMany(a => a.Credentials.Select(c => (a.AppId, a.DisplayName, Credential: c)))
            .Concat(evidence.ServicePrincipals.SelectMany(s => s.Credentials.Select(c => (s.AppId, s.DisplayName, Credential: c))));
        foreach (var (appId, name, credential) in held)
        {
            DateTimeOffset? lastUsed = context.Activity.SignIns(appId) is { } stats && stats.LastUsedByKeyId.TryGetValue(credential.KeyId, out var used) ? used : null;
            sheet.Add(
                SheetValue.Text(appId),
                SheetValue.Text(name),
                SheetValue.Text(ContractNames.Of(credential.Holder)),
                SheetValue.Text(ContractNames.Of(credential.Type)),
                SheetValue.Text(credential.KeyId),
                SheetValue.Text(credential.DisplayName),
                SheetValue.Date(credential.StartDateTime, styles.Date),
                SheetValue.Date(credential.EndDateTime, styles.Date),
                // Measured from the evidence clock, not today: the workbook is a record of the run.
                SheetValue.Number(credential.DaysToExpiry(evidence.AsOf) is { } days ? Math.Round(days, 1) : null, styles.OneDecimal),
                SheetValue.Number(credential.StartDateTime is { } s ? Math.Round((evidence.AsOf - s).TotalDays, 1) : null, styles.OneDecimal),
                SheetValue.Number(credential is { StartDateTime: { } from, EndDateTime: { } to } ? Math.Round((to - from).TotalDays, 1) : null, styles.OneDecimal),
                SheetValue.Date(lastUsed, styles.Date));
        }

        return sheet;
    }

    private static string? SourceNoticeText(WorkbookContext context) =>
        Facts.SourceNotice.HasData(context.Document.Evidence, EvidenceSources.SignIns)
            ? null
            : Facts.SourceNotice.Missing(context.Document.Evidence, EvidenceSources.SignIns);
}
