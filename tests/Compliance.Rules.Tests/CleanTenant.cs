using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

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
    public List<SourceResult> Sources { get; } =
    [
        new(EvidenceSources.Applications, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.ServicePrincipals, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.AppRoleGrants, SourceState.Collected, null, 1, 2, 10),
        new(EvidenceSources.AccessPolicies, SourceState.Collected, null, 1, 1, 10),
        new(EvidenceSources.Register, SourceState.Collected, null, 1, 0, 0),
    ];

    public CleanTenant()
    {
        AddApp(AppId, SpObjectId, "Payroll Mailer", [Certificate("cert-1", AsOf.AddDays(200))]);
        Grant(SpObjectId, "Mail.Send");
        Policies.Add(new ApplicationAccessPolicy("policy-1", AppId, AccessRight.RestrictAccess, "Payroll Senders", "payroll-senders@contoso.example", null));
        Integrations.Add(Register(AppId, "Payroll"));
    }

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
        new("test", AsOf, Sources, Applications, ServicePrincipals, Grants, Policies, Integrations);

    public RuleEvaluation Run(IRule rule, CompliancePolicy? policy = null) => rule.Evaluate(Snapshot(), policy ?? new CompliancePolicy());
}
