using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;

namespace Compliance.Reports.Workbook;

/// <summary>Turns the review model into the workbook's sheets, in the order a reviewer reads them.</summary>
internal static class WorkbookSheets
{
    public static IEnumerable<SheetTable> Build(ReviewDocument document, WorkbookStyles styles)
    {
        yield return Summary(document, styles);
        yield return Controls(document.Evaluation, styles);
        yield return Findings(document.Evaluation, styles);
        yield return Applications(document.Evidence);
        yield return Credentials(document.Evidence, styles);
        yield return Permissions(document.Evidence, styles);
        yield return Sources(document.Evidence, styles);
    }

    private static SheetTable Summary(ReviewDocument document, WorkbookStyles styles)
    {
        var run = document.Run;
        var evaluation = document.Evaluation;
        var sheet = new SheetTable("Summary", ["Item", "Value"]);
        sheet.Add(SheetValue.Text("Tenant"), SheetValue.Text(run.Tenant));
        sheet.Add(SheetValue.Text("Tenant id"), SheetValue.Text(run.TenantId));
        sheet.Add(SheetValue.Text("Period"), SheetValue.Text(run.Period));
        sheet.Add(SheetValue.Text("Run id"), SheetValue.Text(run.Id));
        sheet.Add(SheetValue.Text("Run status"), SheetValue.Text(ContractNames.Of(run.Status)));
        sheet.Add(SheetValue.Text("Started at (UTC)"), SheetValue.Date(run.StartedAt, styles.Date));
        sheet.Add(SheetValue.Text("Completed at (UTC)"), SheetValue.Date(run.CompletedAt, styles.Date));
        sheet.Add(SheetValue.Text("Evidence as of (UTC)"), SheetValue.Date(document.Evidence.AsOf, styles.Date));
        sheet.Add(SheetValue.Text("Overall result"), SheetValue.Text(ReportFormat.OverallResult(evaluation)));
        foreach (var outcome in Enum.GetValues<ControlOutcome>())
        {
            sheet.Add(SheetValue.Text($"Controls {ContractNames.Of(outcome)}"),
                SheetValue.Number(evaluation.Controls.Count(c => c.Outcome == outcome)));
        }

        sheet.Add(SheetValue.Text("Findings"), SheetValue.Number(evaluation.Findings.Count));
        foreach (var severity in Enum.GetValues<Severity>().OrderDescending())
        {
            sheet.Add(SheetValue.Text($"Findings {ContractNames.Of(severity)}"),
                SheetValue.Number(evaluation.Findings.Count(f => f.Finding.Severity == severity)));
        }

        sheet.Add(SheetValue.Text("Sources not collected"),
            SheetValue.Number(document.Evidence.Sources.Count(s => s.State == SourceState.NotCollected)));
        return sheet;
    }

    private static SheetTable Controls(EvaluationResult evaluation, WorkbookStyles styles)
    {
        var sheet = new SheetTable("Controls", ["Control", "Title", "Severity", "Outcome", "Population", "Failures", "Reason"]);
        foreach (var c in evaluation.Controls)
        {
            sheet.Add(
                SheetValue.Text(c.Rule.Id),
                SheetValue.Text(c.Rule.Title),
                SheetValue.Text(ContractNames.Of(c.Rule.DefaultSeverity), styles.For(c.Rule.DefaultSeverity)),
                SheetValue.Text(ContractNames.Of(c.Outcome), styles.For(c.Outcome)),
                SheetValue.Number(c.Population),
                SheetValue.Number(c.Failures),
                SheetValue.Text(c.Reason));
        }

        return sheet;
    }

    private static SheetTable Findings(EvaluationResult evaluation, WorkbookStyles styles)
    {
        var sheet = new SheetTable("Findings",
        [
            "Severity", "Control", "Status", "Resource type", "Resource id", "Resource name", "Integration",
            "Detail", "Remediation", "Evidence", "Qualifier", "Fingerprint",
        ]);
        foreach (var tracked in evaluation.Findings)
        {
            var f = tracked.Finding;
            sheet.Add(
                SheetValue.Text(ContractNames.Of(f.Severity), styles.For(f.Severity)),
                SheetValue.Text(f.RuleId),
                SheetValue.Text(ContractNames.Of(tracked.Status)),
                SheetValue.Text(f.ResourceType),
                SheetValue.Text(f.ResourceId),
                SheetValue.Text(f.ResourceName),
                SheetValue.Text(f.Integration),
                SheetValue.Text(f.Detail),
                SheetValue.Text(f.Remediation),
                SheetValue.Text(string.Join("; ", f.Evidence)),
                SheetValue.Text(f.Qualifier),
                SheetValue.Text(f.Fingerprint));
        }

        return sheet;
    }

    /// <summary>
    /// One row per app id: every app registration, plus service principals of apps registered in
    /// another tenant (third-party multi-tenant apps exist here only as service principals).
    /// </summary>
    private static SheetTable Applications(EvidenceSnapshot evidence)
    {
        var sheet = new SheetTable("Applications", ["App id", "Display name", "Object", "Credentials", "Integration"]);
        foreach (var app in evidence.Applications)
        {
            var sp = evidence.ServicePrincipalByAppId(app.AppId);
            sheet.Add(
                SheetValue.Text(app.AppId),
                SheetValue.Text(app.DisplayName),
                SheetValue.Text("application"),
                SheetValue.Number(app.Credentials.Count + (sp?.Credentials.Count ?? 0)),
                SheetValue.Text(IntegrationName(evidence, app.AppId)));
        }

        foreach (var sp in evidence.ServicePrincipals.Where(sp => evidence.ApplicationByAppId(sp.AppId) is null))
        {
            sheet.Add(
                SheetValue.Text(sp.AppId),
                SheetValue.Text(sp.DisplayName),
                SheetValue.Text("servicePrincipal"),
                SheetValue.Number(sp.Credentials.Count),
                SheetValue.Text(IntegrationName(evidence, sp.AppId)));
        }

        return sheet;
    }

    private static SheetTable Credentials(EvidenceSnapshot evidence, WorkbookStyles styles)
    {
        var sheet = new SheetTable("Credentials",
        [
            "App id", "App", "Holder", "Type", "Key id", "Display name", "Start (UTC)", "End (UTC)", "Days to expiry",
        ]);
        var held = evidence.Applications.SelectMany(a => a.Credentials.Select(c => (a.AppId, a.DisplayName, Credential: c)))
            .Concat(evidence.ServicePrincipals.SelectMany(s => s.Credentials.Select(c => (s.AppId, s.DisplayName, Credential: c))));
        foreach (var (appId, name, credential) in held)
        {
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
                SheetValue.Number(credential.DaysToExpiry(evidence.AsOf) is { } days ? Math.Round(days, 1) : null, styles.OneDecimal));
        }

        return sheet;
    }

    private static SheetTable Permissions(EvidenceSnapshot evidence, WorkbookStyles styles)
    {
        var sheet = new SheetTable("Permissions",
            ["Principal", "Principal id", "Resource", "Resource app id", "Role", "Role id", "Granted (UTC)"]);
        foreach (var g in evidence.AppRoleGrants)
        {
            sheet.Add(
                SheetValue.Text(g.PrincipalDisplayName),
                SheetValue.Text(g.PrincipalId),
                SheetValue.Text(g.ResourceDisplayName),
                SheetValue.Text(g.ResourceAppId),
                SheetValue.Text(g.AppRoleValue),
                SheetValue.Text(g.AppRoleId),
                SheetValue.Date(g.CreatedDateTime, styles.Date));
        }

        return sheet;
    }

    private static SheetTable Sources(EvidenceSnapshot evidence, WorkbookStyles styles)
    {
        var sheet = new SheetTable("Sources", ["Source", "Status", "Records", "Requests", "Duration (ms)", "Reason"]);
        foreach (var s in evidence.Sources)
        {
            sheet.Add(
                SheetValue.Text(s.Name),
                SheetValue.Text(ContractNames.Of(s.State), styles.For(s.State)),
                SheetValue.Number(s.Records),
                SheetValue.Number(s.Requests),
                SheetValue.Number(s.DurationMs),
                SheetValue.Text(s.Reason));
        }

        return sheet;
    }

    private static string? IntegrationName(EvidenceSnapshot evidence, string appId) =>
        evidence.Integrations.FirstOrDefault(i => string.Equals(i.AppId, appId, StringComparison.OrdinalIgnoreCase))?.Name;
}
