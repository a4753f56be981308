using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;

namespace Compliance.Reports.Tests;

/// <summary>A realistic review: three apps, credentials on app and SP, grants, three controls, 120+ findings, one missing source.</summary>
internal static class SampleReview
{
    public const string Tenant = "contoso";
    public const string Period = "2026-11";
    public const string MissingSource = "signIns";
    public const string MissingReason = "Missing permission AuditLog.Read.All (403 Authorization_RequestDenied)";
    public const string LongDetailMarker = "WRAPMARKER";
    public const int BulkFindings = 120;

    public static readonly DateTimeOffset AsOf = new(2026, 12, 1, 5, 0, 0, TimeSpan.Zero);

    public static ReviewDocument Create()
    {
        var run = new RunInfo("run-2026-11-0001", Tenant, "72f988bf-86f1-41af-91ab-2d7cd011db47", Period,
            AsOf, AsOf.AddMinutes(7), RunStatus.Partial);

        var crm = new AppRegistration("obj-crm", "11111111-1111-1111-1111-111111111111", "CRM Mailer",
        [
            new Credential("key-crm-1", CredentialType.Secret, CredentialHolder.Application, "prod secret", AsOf.AddDays(-300), AsOf.AddDays(65)),
            new Credential("key-crm-2", CredentialType.Certificate, CredentialHolder.Application, "CN=crm", AsOf.AddDays(-30), AsOf.AddDays(335)),
        ]);
        var billing = new AppRegistration("obj-bill", "22222222-2222-2222-2222-222222222222", "Billing Notifier",
        [
            new Credential("key-bill-1", CredentialType.Secret, CredentialHolder.Application, null, AsOf.AddDays(-800), AsOf.AddDays(-5)),
        ]);
        var hr = new AppRegistration("obj-hr", "33333333-3333-3333-3333-333333333333", "HR Onboarding", []);

        ServicePrincipal[] sps =
        [
            new("sp-crm", crm.AppId, crm.DisplayName, "Application", true, []),
            new("sp-bill", billing.AppId, billing.DisplayName, "Application", true,
                [new Credential("key-bill-sp", CredentialType.Secret, CredentialHolder.ServicePrincipal, "hidden sp secret", AsOf.AddDays(-10), AsOf.AddDays(20))]),
            new("sp-hr", hr.AppId, hr.DisplayName, "Application", true, []),
            new("sp-vendor", "44444444-4444-4444-4444-444444444444", "Vendor Newsletter", "Application", true, []),
            new("sp-graph", WellKnownIds.MicrosoftGraphAppId, "Microsoft Graph", "Application", true, []),
        ];

        AppRoleGrant[] grants =
        [
            Grant("g1", "sp-crm", "CRM Mailer"),
            Grant("g2", "sp-bill", "Billing Notifier"),
            Grant("g3", "sp-vendor", "Vendor Newsletter"),
        ];

        Integration[] register =
        [
            new("CRM", crm.AppId, "Contoso CRM Ltd", "Sales mail", "sales-ops@contoso.com", "CHG-1001", ["crm@contoso.com"], ExpectedCredentialType.Certificate, []),
            new("Billing", billing.AppId, "BillCo", "Invoices", "finance@contoso.com", "CHG-1002", ["billing@contoso.com"], ExpectedCredentialType.Certificate, []),
        ];

        SourceResult[] sources =
        [
            new(EvidenceSources.Applications, SourceState.Collected, null, 3, 1, 412),
            new(EvidenceSources.ServicePrincipals, SourceState.Collected, null, 5, 1, 388),
            new(EvidenceSources.AppRoleGrants, SourceState.Collected, null, 3, 4, 950),
            new(EvidenceSources.AccessPolicies, SourceState.Collected, null, 1, 1, 2310),
            SourceResult.NotCollected(MissingSource, MissingReason, 1, 120),
        ];

        var snapshot = new EvidenceSnapshot(Tenant, AsOf, sources, [crm, billing, hr], sps, grants,
            [new ApplicationAccessPolicy("pol-1", crm.AppId, AccessRight.RestrictAccess, "crm-senders", null, "CRM scope")],
            register);

        var scope = Rule("SCOPE-002", "Mail.Send is scoped to approved mailboxes", Severity.Critical);
        var cred = Rule("CRED-001", "Credentials are certificates and not near expiry", Severity.High);
        var signIn = Rule("SIGNIN-001", "Sign-ins come only from allowed IP ranges", Severity.Medium);
        ControlResult[] controls =
        [
            new(scope, ControlOutcome.Fail, 3, 2, null),
            new(cred, ControlOutcome.Pass, 4, 0, null),
            new(signIn, ControlOutcome.NotEvaluated, 0, 0, $"Evidence source '{MissingSource}' was not collected."),
        ];

        List<TrackedFinding> findings =
        [
            new(new Finding("SCOPE-002", Severity.Critical, "servicePrincipal", "sp-vendor", "Vendor Newsletter", null,
                "Mail.Send application permission without an Application Access Policy: the app can send as any mailbox. "
                + LongDetailMarker + " " + string.Join(' ', Enumerable.Repeat("The grant was made outside the change process and no owner is recorded in the register.", 4)),
                "Create a RestrictAccess Application Access Policy or an Exchange RBAC management scope.", ["appRoleGrants/g3", "applicationAccessPolicies: none for appId 4444"]), FindingStatus.New),
            new(new Finding("SCOPE-002", Severity.Critical, "servicePrincipal", "sp-bill", "Billing Notifier", "Billing",
                "Mail.Send without scope.", "Scope the grant.", ["appRoleGrants/g2"]), FindingStatus.Persisting),
        ];
        for (var i = 0; i < BulkFindings; i++)
        {
            var severity = (Severity)((i % 4) + 1);
            var status = (FindingStatus)(i % 4);
            var id = i.ToString("D3", CultureInfo.InvariantCulture);
            findings.Add(new TrackedFinding(new Finding($"BULK-{id}", severity, "application", $"res-{id}", $"Resource{id}", i % 3 == 0 ? null : "CRM",
                $"Synthetic finding number {id} with a moderately long explanation so that the detail column wraps onto a second line.",
                "Follow runbook step 4.2.", [$"applications/page-{id}.json"], Qualifier: i % 5 == 0 ? $"key-{id}" : null), status));
        }

        return new ReviewDocument(run, snapshot, new EvaluationResult(controls, findings, ["old-fingerprint"]));
    }

    private static AppRoleGrant Grant(string id, string principalId, string principalName) =>
        new(id, principalId, principalName, "sp-graph", WellKnownIds.MicrosoftGraphAppId, "Microsoft Graph",
            WellKnownIds.GraphMailSendRoleId, WellKnownIds.MailSend, AsOf.AddDays(-100));

    private static RuleMetadata Rule(string id, string title, Severity severity) =>
        new(id, title, severity, "Runbook says so.", "Fix it per runbook.", [new RuleReference("Runbook 4.2")], [EvidenceSources.AppRoleGrants]);
}
