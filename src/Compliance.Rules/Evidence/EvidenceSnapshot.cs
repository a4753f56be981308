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
    public ActivityRecords<ServicePrincipalSignIn> SignIns { get; init; } = [];

    public ActivityRecords<MessageTraceRecord> MessageTrace { get; init; } = [];

    public ActivityRecords<MailboxAuditRecord> MailboxAudit { get; init; } = [];

    /// <summary>Last sign-in per service principal as Entra remembers it, whatever the log retention (SIGN-002).</summary>
    public IReadOnlyList<ServicePrincipalSignInActivity> SignInActivity { get; init; } = [];

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

    private readonly LookupCache<ServicePrincipal, ServicePrincipal> principalsByAppId = new(list => FirstByKey(list, p => p.AppId));
    private readonly LookupCache<AppRegistration, AppRegistration> applicationsByAppId = new(list => FirstByKey(list, a => a.AppId));
    private readonly LookupCache<AppRoleGrant, List<AppRoleGrant>> grantsByPrincipal = new(list => GroupByKey(list, g => g.PrincipalId, StringComparer.Ordinal));
    private readonly LookupCache<Integration, Integration> integrationsByAppId = new(list => FirstByKey(list, i => i.AppId));
    private readonly LookupCache<ServicePrincipalSignInActivity, ServicePrincipalSignInActivity> activityByAppId = new(list => FirstByKey(list, a => a.AppId));
    private readonly LookupCache<Mailbox, Mailbox> mailboxesByAddress = new(list => FirstByKey(list, m => m.PrimarySmtpAddress));
    private readonly LookupCache<ExchangeRoleAssignment, List<ExchangeRoleAssignment>> roleAssignmentsByPrincipal =
        new(list => GroupByKey(list, a => a.PrincipalObjectId, StringComparer.Ordinal));

    public ServicePrincipal? ServicePrincipalByAppId(string appId) => principalsByAppId.For(ServicePrincipals).GetValueOrDefault(appId);

    public AppRegistration? ApplicationByAppId(string appId) => applicationsByAppId.For(Applications).GetValueOrDefault(appId);

    public IEnumerable<AppRoleGrant> GrantsHeldBy(ServicePrincipal principal) =>
        grantsByPrincipal.For(AppRoleGrants).GetValueOrDefault(principal.ObjectId) ?? [];

    public Integration? IntegrationFor(string appId) => integrationsByAppId.For(Integrations).GetValueOrDefault(appId);

    /// <summary>The sign-ins of one app, in time order; possibly read from the store as they are enumerated.</summary>
    public IEnumerable<ServicePrincipalSignIn> SignInsOf(string appId) => SignIns.OwnedBy(appId);

    /// <summary>The app's entry in servicePrincipalSignInActivities, or null when Entra lists no sign-in for it.</summary>
    public ServicePrincipalSignInActivity? SignInActivityOf(string appId) => activityByAppId.For(SignInActivity).GetValueOrDefault(appId);

    public Mailbox? MailboxByAddress(string address) => mailboxesByAddress.For(Mailboxes).GetValueOrDefault(address);

    /// <summary>The Exchange RBAC role assignments of one service principal (by object id), in collected order.</summary>
    public IReadOnlyList<ExchangeRoleAssignment> RoleAssignmentsOf(ServicePrincipal principal) =>
        roleAssignmentsByPrincipal.For(ExchangeRoleAssignments).GetValueOrDefault(principal.ObjectId) ?? [];

    private static Dictionary<string, T> FirstByKey<T>(IReadOnlyList<T> list, Func<T, string> key)
    {
        var lookup = new Dictionary<string, T>(list.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var item in list)
        {
            lookup.TryAdd(key(item), item);
        }

        return lookup;
    }

    private static Dictionary<string, List<T>> GroupByKey<T>(IReadOnlyList<T> list, Func<T, string> key, StringComparer comparer)
    {
        var lookup = new Dictionary<string, List<T>>(comparer);
        foreach (var item in list)
        {
            if (!lookup.TryGetValue(key(item), out var group))
            {
                lookup[key(item)] = group = [];
            }

            group.Add(item);
        }

        return lookup;
    }

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
