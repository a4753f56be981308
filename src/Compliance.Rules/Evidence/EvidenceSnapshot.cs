using Compliance.Rules.Policy;

namespace Compliance.Rules.Evidence;

/// <summary>
/// The immutable input of an evaluation. The clock is part of the evidence: rules read
/// <see cref="AsOf"/>, never the system time.
/// </summary>
public sealed record EvidenceSnapshot(
    string Tenant,
    DateTimeOffset AsOf,
    IReadOnlyList<SourceResult> Sources,
    IReadOnlyList<AppRegistration> Applications,
    IReadOnlyList<ServicePrincipal> ServicePrincipals,
    IReadOnlyList<AppRoleGrant> AppRoleGrants,
    IReadOnlyList<ApplicationAccessPolicy> AccessPolicies,
    IReadOnlyList<Integration> Integrations)
{
    public IReadOnlyList<DelegatedGrant> DelegatedGrants { get; init; } = [];

    /// <summary>Exchange RBAC for Applications: assignments, with the scopes they reference.</summary>
    public IReadOnlyList<ExchangeRoleAssignment> ExchangeRoleAssignments { get; init; } = [];

    public IReadOnlyList<ManagementScope> ManagementScopes { get; init; } = [];

    public IReadOnlyList<Mailbox> Mailboxes { get; init; } = [];

    public IReadOnlyList<MailGroup> Groups { get; init; } = [];

    public IReadOnlyList<AdministrativeUnit> AdministrativeUnits { get; init; } = [];

    public OrganizationAuditConfig? OrganizationConfig { get; init; }

    /// <summary>Sign-ins, message trace and audit cover the review window; configuration is as of <see cref="AsOf"/>.</summary>
    public IReadOnlyList<ServicePrincipalSignIn> SignIns { get; init; } = [];

    public IReadOnlyList<MessageTraceRecord> MessageTrace { get; init; } = [];

    public IReadOnlyList<MailboxAuditRecord> MailboxAudit { get; init; } = [];

    /// <summary>Start of the activity window (sign-ins, message trace, audit) this snapshot covers.</summary>
    public DateTimeOffset? WindowStart { get; init; }

    /// <summary>Start of the review period (the month under review); period-bound controls count from here.</summary>
    public DateTimeOffset? PeriodStart { get; init; }

    /// <summary>The tenant's most recent attested review before this run (GOV-003), if any.</summary>
    public Review.AttestationInfo? LastAttestation { get; init; }

    /// <summary>Permissions as they stood at the last attested review (PERM-003), if any.</summary>
    public PermissionBaseline? Baseline { get; init; }

    /// <summary>Where an activity source's records begin: its own coverage, else the snapshot's window.</summary>
    public DateTimeOffset? CoverageStart(string source) => Source(source)?.CoverageStart ?? WindowStart;

    public SourceResult? Source(string name) => Sources.FirstOrDefault(s => s.Name == name);

    public ServicePrincipal? ServicePrincipalByAppId(string appId) =>
        ServicePrincipals.FirstOrDefault(sp => string.Equals(sp.AppId, appId, StringComparison.OrdinalIgnoreCase));

    public AppRegistration? ApplicationByAppId(string appId) =>
        Applications.FirstOrDefault(a => string.Equals(a.AppId, appId, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<AppRoleGrant> GrantsHeldBy(ServicePrincipal principal) =>
        AppRoleGrants.Where(g => g.PrincipalId == principal.ObjectId);

    public Integration? IntegrationFor(string appId) =>
        Integrations.FirstOrDefault(i => string.Equals(i.AppId, appId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Register entries whose app has a service principal in the tenant, with that principal.</summary>
    public IEnumerable<(Integration Integration, ServicePrincipal Principal)> RegisteredPrincipals()
    {
        // One app id listed twice is GOV-002's finding; every other control judges the app once (the first entry).
        foreach (var integration in Integrations.DistinctBy(i => i.AppId, StringComparer.OrdinalIgnoreCase))
        {
            if (ServicePrincipalByAppId(integration.AppId) is { } principal)
            {
                yield return (integration, principal);
            }
        }
    }
}
