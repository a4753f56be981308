using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;

namespace Compliance.Rules.Tests;

/// <summary>
/// A compliant baseline: one registered integration with Graph Mail.Send, a RestrictAccess policy and a
/// certificate far from expiry. Each test plants exactly one defect on top of it.
/// </summary>
internal sealed class CleanTenant
{
    public const string AppId = "aaaaaaaa-0000-4000-8000-000000000001";
    public const string SpObjectId = "bbbbbbbb-0000-4000-8000-000000000001";
    public const string GraphSpId = "cccccccc-0000-4000-8000-000000000003";
    public const string ExchangeSpId = "cccccccc-0000-4000-8000-000000000002";
    public static readonly DateTimeOffset AsOf = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    public List<AppRegistration> Applications { get; } = [];
    public List<ServicePrincipal> ServicePrincipals { get; } = [];
    public List<AppRoleGrant> Grants { get; } = [];
    public List<ApplicationAccessPolicy> Policies { get; } = [];
    public List<Integration> Integrations { get; } = [];
    public List<Mailbox> Mailboxes { get; } = [];
    public List<MailGroup> Groups { get; } = [];
    public List<AdministrativeUnit> Units { get; } = [];
    public List<ManagementScope> Scopes { get; } = [];
    public List<ExchangeRoleAssignment> RbacAssignments { get; } = [];
    public List<DelegatedGrant> DelegatedGrants { get; } = [];
    public List<ServicePrincipalSignIn> SignIns { get; } = [];
    public List<MessageTraceRecord> Messages { get; } = [];
    public List<MailboxAuditRecord> Audit { get; } = [];
    public List<ServicePrincipalSignInActivity> SignInActivity { get; } = [];
    public OrganizationAuditConfig? OrganizationConfig { get; set; } = new(AuditDisabled: false);
    public DateTimeOffset WindowStart { get; set; } = AsOf.AddDays(-90);
    public DateTimeOffset PeriodStart { get; set; } = AsOf.AddDays(-28);
    public AttestationInfo? LastAttestation { get; set; } = new("run-prev", "reviewer@contoso.example", "Reviewed", AsOf.AddDays(-20), "chain");

    /// <summary>Null = the baseline equals the current permissions (nothing changed since the attested review).</summary>
    public PermissionBaseline? Baseline { get; set; }
    public const string ApprovedSender = "payroll@contoso.example";
    public const string PayrollUserId = "user-payroll";
    public List<SourceResult> Sources { get; } =
    [
        new(EvidenceSources.Applications, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.ServicePrincipals, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.AppRoleGrants, SourceState.Collected, null, 1, 2, 10),
        new(EvidenceSources.AccessPolicies, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.Register, SourceState.Collected, null, 1, 0, 0),
        new(EvidenceSources.DelegatedGrants, SourceState.Collected, null, 0, 1, 10),
        new(EvidenceSources.ExchangeRbac, SourceState.Collected, null, 0, 1, 10),
        new(EvidenceSources.Mailboxes, SourceState.Collected, null, 3, 1, 10),
        new(EvidenceSources.Groups, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.AdministrativeUnits, SourceState.Collected, null, 0, 1, 10),
        new(EvidenceSources.OrganizationConfig, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.SignIns, SourceState.Collected, null, 90, 1, 10),
        new(EvidenceSources.MessageTrace, SourceState.Collected, null, 90, 1, 10),
        new(EvidenceSources.MailboxAudit, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.Attestations, SourceState.Collected, null, 1, 0, 0),
    ];

    public CleanTenant()
    {
        AddApp(AppId, SpObjectId, "Payroll Mailer", [Certificate("cert-1", AsOf.AddDays(200))]);
        Grant(SpObjectId, "Mail.Send");
        Policies.Add(new ApplicationAccessPolicy("policy-1", AppId, AccessRight.RestrictAccess, "Payroll Senders", "payroll-senders@contoso.example", null));
        Integrations.Add(Register(AppId, "Payroll"));
        Mailboxes.Add(Mailbox(PayrollUserId, ApprovedSender, "SharedMailbox"));
        Mailboxes.Add(Mailbox("user-alice", "alice@contoso.example", "UserMailbox") with { AccountEnabled = true, UserPurpose = "user" });
        Mailboxes.Add(Mailbox("user-bob", "bob@contoso.example", "UserMailbox") with { AccountEnabled = true, UserPurpose = "user" });
        Groups.Add(new MailGroup("group-payroll", "Payroll Senders", "payroll-senders@contoso.example", "CN=Payroll Senders,OU=Groups,DC=contoso,DC=com", [PayrollUserId], []));
        for (var day = 1; day <= 89; day++)
        {
            var at = AsOf.AddDays(-day).AddHours(-3);
            SignIns.Add(new ServicePrincipalSignIn($"si-{day}", at, AppId, "203.0.113.10", 0, null, "certificate", "cert-1", "Microsoft Graph"));
            for (var n = 0; n < 20; n++)
            {
                Messages.Add(new MessageTraceRecord($"m-{day}-{n}", at.AddMinutes(n), ApprovedSender, $"employee{n}@contoso.example", "delivered", "Payslip", 20_000));
            }
        }

        Audit.Add(new MailboxAuditRecord("a-1", AsOf.AddDays(-2), "SendAs", ApprovedSender, AppId, null));
    }

    public static Mailbox Mailbox(string userId, string address, string type) =>
        new(userId, address, address.Split('@')[0], address.Split('@')[0], address, type,
            type == "SharedMailbox" ? "shared" : "user", type != "SharedMailbox" ? true : false, true,
            ["SMTP:" + address], null, null, null, Enumerable.Repeat<string?>(null, 15).ToList(), $"CN={address.Split('@')[0]},OU=Mailboxes,DC=contoso,DC=com");

    public static Integration Register(string appId, string name) =>
        new(name, appId, "Vendor", "Payroll", "owner@contoso.example", "CHG-1", ["payroll@contoso.example"], ExpectedCredentialType.Certificate, []);

    public static Credential Secret(string keyId, DateTimeOffset end, CredentialHolder holder = CredentialHolder.Application) =>
        new(keyId, CredentialType.Secret, holder, "secret " + keyId, end.AddDays(-180), end);

    public static Credential Certificate(string keyId, DateTimeOffset end, CredentialHolder holder = CredentialHolder.Application) =>
        new(keyId, CredentialType.Certificate, holder, "CN=" + keyId, end.AddDays(-365), end);

    public void AddApp(string appId, string spObjectId, string name, IReadOnlyList<Credential> appCredentials, IReadOnlyList<Credential>? spCredentials = null)
    {
        Applications.Add(new AppRegistration("obj-" + appId, appId, name, appCredentials));
        ServicePrincipals.Add(new ServicePrincipal(spObjectId, appId, name, "Application", true, spCredentials ?? []));
    }

    public void SetAppCredentials(params Credential[] credentials) =>
        Applications[0] = Applications[0] with { Credentials = credentials };

    public void SetSpCredentials(params Credential[] credentials) =>
        ServicePrincipals[0] = ServicePrincipals[0] with { Credentials = credentials };

    public void Grant(string principalId, string role, string resource = "graph")
    {
        var (resourceId, resourceAppId, resourceName) = resource == "graph"
            ? (GraphSpId, WellKnownIds.MicrosoftGraphAppId, "Microsoft Graph")
            : (ExchangeSpId, WellKnownIds.ExchangeOnlineAppId, "Office 365 Exchange Online");
        var roleId = role == "Mail.Send" && resource == "graph" ? WellKnownIds.GraphMailSendRoleId : Guid.NewGuid().ToString();
        Grants.Add(new AppRoleGrant($"grant-{Grants.Count + 1}", principalId, null, resourceId, resourceAppId, resourceName, roleId, role, AsOf.AddDays(-100)));
    }

    public void MarkNotCollected(string source, string reason)
    {
        Sources.RemoveAll(s => s.Name == source);
        Sources.Add(SourceResult.NotCollected(source, reason, 1, 5));
    }

    public EvidenceSnapshot Snapshot() =>
        new("test", AsOf, Sources, Applications, ServicePrincipals, Grants, Policies, Integrations)
        {
            Mailboxes = Mailboxes,
            Groups = Groups,
            AdministrativeUnits = Units,
            ManagementScopes = Scopes,
            ExchangeRoleAssignments = RbacAssignments,
            DelegatedGrants = DelegatedGrants,
            SignIns = SignIns,
            MessageTrace = Messages,
            MailboxAudit = Audit,
            SignInActivity = SignInActivity,
            OrganizationConfig = OrganizationConfig,
            WindowStart = WindowStart,
            PeriodStart = PeriodStart,
            LastAttestation = LastAttestation,
            Baseline = Baseline ?? new PermissionBaseline("run-prev", AsOf.AddDays(-20), [.. Grants], [.. RbacAssignments]),
        };

    /// <summary>Switches the baseline from the tolerated legacy model to the target: RBAC scoped to the approved mailbox, no Entra grant.</summary>
    public void UseRbacModel()
    {
        Grants.RemoveAll(g => g.PrincipalId == SpObjectId && g.AppRoleValue == "Mail.Send");
        Policies.Clear();
        Scopes.Add(new ManagementScope("scope-1", "Payroll approved senders", $"PrimarySmtpAddress -eq '{ApprovedSender}'", Exclusive: false));
        RbacAssignments.Add(new ExchangeRoleAssignment("ra-1", "Application Mail.Send", SpObjectId, ExchangeScopeType.CustomRecipientScope, "scope-1"));
    }

    public RuleEvaluation Run(IRule rule, CompliancePolicy? policy = null)
    {
        var snapshot = Snapshot();
        return rule.Evaluate(snapshot, policy ?? new CompliancePolicy(), new DerivedEvidence(snapshot));
    }
}
