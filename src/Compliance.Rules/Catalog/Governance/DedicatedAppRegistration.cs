using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Governance;

/// <summary>GOV-002: one app registration per integration — no app id shared by several entries or vendors.</summary>
public sealed class DedicatedAppRegistration : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "GOV-002",
        Title: "Dedicated app registration",
        DefaultSeverity: Severity.Medium,
        Rationale: "A shared app registration shares its credentials and permissions: one vendor's leak is every vendor's leak, " +
                   "and its sign-ins and mail cannot be told apart. The runbook gives each application its own registration.",
        Remediation: "Create a separate app registration for each vendor/application (New-MgApplication), grant it Mail.Send through " +
                     "its own Exchange RBAC scope, move the vendor to it, then remove the shared grants.",
        References: [References.Runbook("step 1 — one app registration per application")],
        EvidenceSources: [EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var byApp = evidence.Integrations
            .GroupBy(i => i.AppId, StringComparer.OrdinalIgnoreCase)
            .OrderBy(g => g.Key, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var findings = byApp
            .Where(g => g.Count() > 1)
            .Select(g =>
            {
                var entries = g.ToList();
                var vendors = entries.Select(e => e.Vendor).Where(v => !string.IsNullOrWhiteSpace(v)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                var principal = evidence.ServicePrincipalByAppId(g.Key);
                var shared = vendors.Count > 1 ? $" by {vendors.Count} vendors ({string.Join(", ", vendors)})" : string.Empty;
                return new Finding(
                    RuleId: Metadata.Id,
                    Severity: Metadata.DefaultSeverity,
                    ResourceType: "application",
                    ResourceId: g.Key,
                    ResourceName: principal?.DisplayName ?? entries[0].Name,
                    Integration: string.Join(", ", entries.Select(e => e.Name)),
                    Detail: $"App id {g.Key} serves {entries.Count} register entries ({string.Join(", ", entries.Select(e => e.Name))}){shared}.",
                    Remediation: Metadata.Remediation,
                    Evidence: entries.Select(e => $"register entry {e.Name}").ToList());
            });
        return RuleEvaluation.Of(byApp.Count, findings);
    }
}
