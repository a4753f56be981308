using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>SCOPE-001: each integration is limited by an RBAC resource scope (custom scope or AU) or, legacy, a RestrictAccess policy.</summary>
public sealed class RbacScopePresent : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-001",
        Title: "Exchange RBAC scope present",
        DefaultSeverity: Severity.High,
        Rationale: "The runbook limits each integration to its approved shared mailboxes with Exchange RBAC for Applications: an " +
                   "\"Application Mail.Send\" assignment with a custom resource scope or administrative unit. Without one, nothing bounds the app.",
        Remediation: "New-ManagementScope -Name <scope> -RecipientRestrictionFilter \"PrimarySmtpAddress -eq '<approved mailbox>'\"; " +
                     "New-ManagementRoleAssignment -App <sp object id> -Role \"Application Mail.Send\" -CustomResourceScope <scope>.",
        References: [References.Runbook("step 4 — Exchange RBAC scope"), References.ApplicationRbac],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.ExchangeRbac, EvidenceSources.AccessPolicies, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var scoped = evidence.ExchangeRoleAssignments.Any(a =>
                a.PrincipalObjectId == principal.ObjectId && MailCapability.IsSendingRbac(a) && a.ScopeType != ExchangeScopeType.Organization);
            var restricted = evidence.AccessPolicies.Any(p =>
                string.Equals(p.AppId, principal.AppId, StringComparison.OrdinalIgnoreCase) && p.AccessRight == AccessRight.RestrictAccess);
            if (scoped || restricted)
            {
                continue;
            }

            var unscoped = evidence.ExchangeRoleAssignments.Any(a => a.PrincipalObjectId == principal.ObjectId && MailCapability.IsSendingRbac(a));
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                unscoped
                    ? $"{principal.DisplayName} has an Exchange RBAC mail role with no resource scope (the whole organisation) and no RestrictAccess policy."
                    : $"{principal.DisplayName} has no Exchange RBAC assignment with a custom resource scope or administrative unit, and no RestrictAccess policy.",
                Metadata.Remediation.Replace("<sp object id>", principal.ObjectId, StringComparison.Ordinal),
                [$"{evidence.ExchangeRoleAssignments.Count(a => a.PrincipalObjectId == principal.ObjectId)} RBAC assignment(s) for {principal.ObjectId}"]));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
