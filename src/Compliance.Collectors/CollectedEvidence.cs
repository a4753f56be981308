using Compliance.Rules.Evidence;

namespace Compliance.Collectors;

/// <summary>
/// What one collection run yielded; a source that failed has no records and a NotCollected SourceResult. The init
/// properties mirror EvidenceSnapshot's, so the pipeline passes them through by name.
/// </summary>
public sealed record CollectedEvidence(
    IReadOnlyList<SourceResult> Sources,
    IReadOnlyList<AppRegistration> Applications,
    IReadOnlyList<ServicePrincipal> ServicePrincipals,
    IReadOnlyList<AppRoleGrant> AppRoleGrants,
    IReadOnlyList<ApplicationAccessPolicy> AccessPolicies)
{
    public IReadOnlyList<DelegatedGrant> DelegatedGrants { get; init; } = [];

    public IReadOnlyList<ExchangeRoleAssignment> ExchangeRoleAssignments { get; init; } = [];

    public IReadOnlyList<ManagementScope> ManagementScopes { get; init; } = [];

    public IReadOnlyList<Mailbox> Mailboxes { get; init; } = [];

    public IReadOnlyList<MailGroup> Groups { get; init; } = [];

    public IReadOnlyList<AdministrativeUnit> AdministrativeUnits { get; init; } = [];

    public OrganizationAuditConfig? OrganizationConfig { get; init; }

    public ActivityRecords<ServicePrincipalSignIn> SignIns { get; init; } = [];

    public IReadOnlyList<ServicePrincipalSignInActivity> SignInActivity { get; init; } = [];

    public ActivityRecords<MessageTraceRecord> MessageTrace { get; init; } = [];

    public ActivityRecords<MailboxAuditRecord> MailboxAudit { get; init; } = [];

    /// <summary>The activity window the sign-ins, message trace and audit records cover.</summary>
    public ReviewWindow? Window { get; init; }
}
