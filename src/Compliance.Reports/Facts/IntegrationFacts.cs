using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Scope;

namespace Compliance.Reports.Facts;

/// <summary>
/// Everything the reports say about one app: its register entry (null for an app that can send mail but
/// is not registered), its directory objects, effective scope, permissions, credentials and findings.
/// </summary>
internal sealed record IntegrationFacts(
    string Name,
    string AppId,
    Integration? Register,
    AppRegistration? Application,
    ServicePrincipal? Principal,
    EffectiveSendAsScope? Scope,
    IReadOnlyList<AppRoleGrant> AppRoleGrants,
    IReadOnlyList<DelegatedGrant> DelegatedGrants,
    IReadOnlyList<ExchangeRoleAssignment> RoleAssignments,
    IReadOnlyList<HeldCredential> Credentials,
    IReadOnlyList<TrackedFinding> Findings)
{
    public string DisplayName => Application?.DisplayName ?? Principal?.DisplayName ?? Scope?.AppDisplayName ?? AppId;

    /// <summary>Mailboxes whose mail volume is shown: approved in the register, plus any the audit log saw the app send from.</summary>
    public IReadOnlyList<string> Senders(ActivityIndex activity) =>
        [.. (Register?.ApprovedSenders ?? []).Concat(activity.AuditedMailboxes(AppId))
            .Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase)];
}
