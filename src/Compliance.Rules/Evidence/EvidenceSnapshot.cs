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
        foreach (var integration in Integrations)
        {
            if (ServicePrincipalByAppId(integration.AppId) is { } principal)
            {
                yield return (integration, principal);
            }
        }
    }
}
