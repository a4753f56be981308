using Compliance.Rules.Evidence;

namespace Compliance.Collectors;

/// <summary>What one collection run yielded; a source that failed has no records and a NotCollected SourceResult.</summary>
public sealed record CollectedEvidence(
    IReadOnlyList<SourceResult> Sources,
    IReadOnlyList<AppRegistration> Applications,
    IReadOnlyList<ServicePrincipal> ServicePrincipals,
    IReadOnlyList<AppRoleGrant> AppRoleGrants,
    IReadOnlyList<ApplicationAccessPolicy> AccessPolicies);
