using Compliance.Reports.Facts;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>
/// One row per integration (register entries, then mail-capable apps missing from the register), with
/// links to the app's Entra pages. Exchange Online has no per-app admin page (see PortalLinks).
/// </summary>
internal static class IntegrationsSheet
{
    public static SheetTable Build(WorkbookContext context)
    {
        var styles = context.Styles;
        var sheet = new SheetTable("Integrations",
        [
            "Integration", "App id", "App", "In register", "Vendor", "Owner", "Function", "Ticket", "Expected credential",
            "Approved senders", "Scope", "Mailboxes in scope", "Credentials", "Open findings", "App registration", "Enterprise app",
        ]);
        foreach (var i in context.Integrations)
        {
            var r = i.Register;
            sheet.Add(
                SheetValue.Text(i.Name),
                SheetValue.Text(i.AppId),
                SheetValue.Text(i.DisplayName),
                SheetValue.Text(r is null ? "no" : "yes", r is null ? styles.Notice : null),
                SheetValue.Text(r?.Vendor),
                SheetValue.Text(r?.Owner),
                SheetValue.Text(r?.BusinessFunction),
                SheetValue.Text(r?.Ticket),
                SheetValue.Text(r?.ExpectedCredentialType.ToString().ToLowerInvariant()),
                SheetValue.Text(r is null ? null : string.Join(", ", r.ApprovedSenders)),
                SheetValue.Text(i.Scope is null ? "not computed" : i.Scope.Unrestricted ? "unrestricted" : "restricted",
                    i.Scope is null || i.Scope.Unrestricted ? styles.Notice : null),
                i.Scope is null ? SheetValue.Text(null) : SheetValue.Number(i.Scope.Mailboxes.Count),
                SheetValue.Number(i.Credentials.Count),
                SheetValue.Number(i.Findings.Count(f => f.Status != Rules.Engine.FindingStatus.Waived)),
                i.Application is null ? SheetValue.Text("not registered in this tenant")
                    : SheetValue.Link(PortalLinks.AppRegistration(i.AppId), "App registration", styles.Link),
                i.Principal is null ? SheetValue.Text("no service principal")
                    : SheetValue.Link(PortalLinks.EnterpriseApp(i.Principal.ObjectId, i.AppId), "Enterprise app", styles.Link));
        }

        return sheet;
    }
}
