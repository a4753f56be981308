using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;
using Compliance.Rules.Scope;

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
    public const string RbacMailbox = "shared-sales@contoso.com";
    public const string RbacReason = "Exchange role assignment 'Application Mail.Send' with custom scope 'Sales shared'";
    public const string ResolvedResource = "HR Onboarding (resolved)";

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
            // Its stored deltaLink had expired: read again in full, one resync (findings.json "resyncs").
            new(EvidenceSources.ServicePrincipals, SourceState.Collected, null, 5, 1, 388) { Resyncs = 1 },
            // Throttled once and retried: the request accounting findings.json, the workbook and the PDF must carry.
            new(EvidenceSources.AppRoleGrants, SourceState.Collected, null, 3, 4, 950) { Pages = 2, Retries = 2, Throttled = 1 },
            new(EvidenceSources.AccessPolicies, SourceState.Collected, null, 1, 1, 2310),
            SourceResult.NotCollected(MissingSource, MissingReason, 1, 120),
            new(EvidenceSources.MessageTrace, SourceState.Collected, null, 5, 1, 640),
            new(EvidenceSources.MailboxAudit, SourceState.Collected, null, 2, 1, 210),
        ];

        var snapshot = new EvidenceSnapshot(Tenant, AsOf, sources, [crm, billing, hr], sps, grants,
            [new ApplicationAccessPolicy("pol-1", crm.AppId, AccessRight.RestrictAccess, "crm-senders", null, "CRM scope")],
            register)
        {
            MessageTrace =
            [
                new("mt-1", AsOf.AddDays(-3), "crm@contoso.com", "a@fabrikam.com", "delivered", "Offer", 2048),
                new("mt-2", AsOf.AddDays(-3), "crm@contoso.com", "b@fabrikam.com", "delivered", "Offer", 2048),
                new("mt-3", AsOf.AddDays(-2), "crm@contoso.com", "c@fabrikam.com", "failed", "Offer", 2048),
                new("mt-4", AsOf.AddDays(-2), "billing@contoso.com", "d@fabrikam.com", "delivered", "Invoice", 4096),
                new("mt-5", AsOf.AddDays(-1), "ceo@contoso.com", "e@fabrikam.com", "delivered", "Hello", 1024),
            ],
            MailboxAudit =
            [
                new("au-1", AsOf.AddDays(-3), "Send", "crm@contoso.com", crm.AppId, null),
                new("au-2", AsOf.AddDays(-1), "Send", "ceo@contoso.com", "44444444-4444-4444-4444-444444444444", null),
            ],
            WindowStart = AsOf.AddDays(-30),
        };

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

        EffectiveSendAsScope[] scopes =
        [
            new(crm.AppId, crm.DisplayName, false,
            [
                new("crm@contoso.com", "u-crm", [new(SendAsPath.EntraGrantRestrictAccess, "RestrictAccess policy pol-1, group crm-senders")]),
                new(RbacMailbox, "u-shared", [new(SendAsPath.RbacCustomScope, RbacReason)]),
            ], []),
            new("44444444-4444-4444-4444-444444444444", "Vendor Newsletter", true,
                [.. Enumerable.Range(0, 45).Select(i => new ScopeEntry($"user{i:D2}@contoso.com", null, [new(SendAsPath.EntraGrantUnrestricted, "Graph Mail.Send grant g3, no access policy")]))],
                ["Management scope 'broken' has a malformed filter: \"Department -eq\""]),
        ];

        return new ReviewDocument(run, snapshot, new EvaluationResult(controls, findings, ["old-fingerprint"]) { Scopes = scopes })
        {
            Waivers =
            [
                new("W-1", "BULK-001", "res-001", null, "Vendor migration in progress", "ciso@contoso.com", "CHG-7", AsOf.AddDays(-40), AsOf.AddDays(90), "active"),
                new("W-2", "BULK-002", "res-002", null, "Legacy app retiring", "ciso@contoso.com", null, AsOf.AddDays(-60), AsOf.AddDays(12), "expiring"),
                new("W-3", "BULK-003", "res-003", null, "Temporary exception", "ciso@contoso.com", "CHG-9", AsOf.AddDays(-90), AsOf.AddDays(-4), "expired"),
            ],
            Trend = [.. Enumerable.Range(0, 12).Select(i => new RunTrendPoint($"run-{i}", AsOf.AddMonths(i - 13).ToString("yyyy-MM", CultureInfo.InvariantCulture),
                AsOf.AddMonths(i - 12), 2, 10 + i, 20 - i, 5 + (i % 3)))],
            ResolvedFindings =
            [
                new Finding("CRED-001", Severity.High, "application", "obj-hr", ResolvedResource, "HR", "Secret expired.", "Rotate.", ["applications/page-0001.json"], "key-hr-old"),
            ],
        };
    }

    private static AppRoleGrant Grant(string id, string principalId, string principalName) =>
        new(id, principalId, principalName, "sp-graph", WellKnownIds.MicrosoftGraphAppId, "Microsoft Graph",
            WellKnownIds.GraphMailSendRoleId, WellKnownIds.MailSend, AsOf.AddDays(-100));

    private static RuleMetadata Rule(string id, string title, Severity severity) =>
        new(id, title, severity, "Runbook says so.", "Fix it per runbook.", [new RuleReference("Runbook 4.2")], [EvidenceSources.AppRoleGrants]);
}
