using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>SCOPE-006: every app that can send mail by any path is in the integration register.</summary>
public sealed class NoUnregisteredMailApps : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-006",
        Title: "No unregistered mail-capable apps",
        DefaultSeverity: Severity.High,
        Rationale: "An app that can send mail but is not in the register has no owner, no approved mailboxes and no review — a shadow " +
                   "integration, or an attacker's foothold. Every sending path counts: Entra grants, EXO roles and Exchange RBAC.",
        Remediation: "Identify the owner; either register it (appsettings.json Integrations:<tenant>) with its approved mailboxes, or remove its " +
                     "mail permissions (Remove-MgServicePrincipalAppRoleAssignment / Remove-ManagementRoleAssignment) or the app itself.",
        References: [References.Runbook("step 1 — register every integration")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.ExchangeRbac, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var capable = evidence.ServicePrincipals.Where(p => MailCapability.IsMailCapable(evidence, p)).ToList();
        var findings = capable
            .Where(p => evidence.IntegrationFor(p.AppId) is null)
            .Select(p => new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", p.AppId, p.DisplayName, null,
                $"{p.DisplayName} ({p.AppId}) can send mail ({string.Join(", ", Paths(evidence, p))}) but is not in the integration register.",
                Metadata.Remediation,
                Paths(evidence, p).ToList()));
        return RuleEvaluation.Of(capable.Count, findings);
    }

    private static IEnumerable<string> Paths(EvidenceSnapshot evidence, ServicePrincipal principal) =>
        evidence.GrantsHeldBy(principal)
            .Where(g => MailCapability.IsEntraMailSend(g) || MailCapability.IsFullAccess(g) || MailCapability.IsSmtpSendAsApp(g))
            .Select(g => $"Entra {g.AppRoleValue} on {g.ResourceDisplayName ?? g.ResourceAppId}")
            .Concat(evidence.ExchangeRoleAssignments
                .Where(a => a.PrincipalObjectId == principal.ObjectId && MailCapability.IsSendingRbac(a))
                .Select(a => $"Exchange RBAC '{a.RoleName}'"));
}
