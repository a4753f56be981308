using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Scope;

/// <summary>SCOPE-003: every mailbox an integration can send as is one the register approves for it.</summary>
public sealed class EffectiveScopeApproved : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SCOPE-003",
        Title: "Effective scope within approved mailboxes",
        DefaultSeverity: Severity.High,
        Rationale: "What matters is not which scopes exist but which mailboxes the app can actually send as — the union of its Entra grants " +
                   "(narrowed only by access policies) and its RBAC assignments. Every mailbox outside the approved list is one it could impersonate.",
        Remediation: "Narrow the scope to the approved mailboxes (Set-ManagementScope -Identity <scope> -RecipientRestrictionFilter …), remove " +
                     "unscoped assignments and the Entra Mail.Send grant, or add the mailbox to the register if the business approves it.",
        References: [References.Runbook("step 4 — approved shared mailboxes only"), References.ApplicationRbac],
        EvidenceSources: ScopeFacts.With(EvidenceSources.Register));

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = 0;
        var findings = new List<Finding>();
        var undetermined = new List<string>();
        foreach (var (integration, principal) in evidence.RegisteredPrincipals())
        {
            if (derived.ScopeOf(principal.AppId) is not { } scope)
            {
                continue;
            }

            population++;
            var extra = scope.Mailboxes.Where(m => !ScopeFacts.IsApproved(integration, m.MailboxAddress)).Select(m => m.MailboxAddress).ToList();
            if (extra.Count == 0)
            {
                if (scope.Problems.Count > 0)
                {
                    undetermined.Add($"{principal.DisplayName}: {string.Join("; ", scope.Problems)}");
                }

                continue;
            }

            var reach = scope.Unrestricted
                ? $"can send as every mailbox in the tenant ({scope.Mailboxes.Count} collected), {extra.Count} of them not approved"
                : $"can send as {extra.Count} mailbox(es) not approved for it";
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                $"{principal.DisplayName} {reach}: {ScopeFacts.List(extra)}.",
                Metadata.Remediation,
                scope.Mailboxes.Where(m => extra.Contains(m.MailboxAddress)).Take(20)
                    .Select(m => $"{m.MailboxAddress}: {string.Join(" + ", m.Reasons.Select(r => r.Description))}").ToList()));
        }

        return RuleEvaluation.Of(population, findings, undetermined);
    }
}
