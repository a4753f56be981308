using System.Net;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.SignIns;

/// <summary>SIGN-003: when the register lists allowed IP ranges, every sign-in of the period comes from them.</summary>
public sealed class SignInsFromAllowedNetworks : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SIGN-003",
        Title: "Sign-ins from allowed networks",
        DefaultSeverity: Severity.High,
        Rationale: "A vendor's integration runs from known servers. A sign-in from anywhere else — successful or not — means the credential " +
                   "is in someone else's hands.",
        Remediation: "Rotate the credential now (Add-MgApplicationPassword, then Remove-MgApplicationPassword -KeyId <old>); restrict the " +
                     "workload identity with a Conditional Access location policy; investigate the source IPs.",
        References: [new RuleReference("Microsoft Learn: Conditional Access for workload identities",
            "https://learn.microsoft.com/entra/identity/conditional-access/workload-identity")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.SignIns, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().Where(p => p.Integration.AllowedIpRanges.Count > 0).ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var ranges = integration.AllowedIpRanges.Select(r => IPNetwork.TryParse(r, out var n) ? (IPNetwork?)n : null).OfType<IPNetwork>().ToList();
            var outside = SignInWindow.InPeriod(evidence, principal.AppId)
                .Where(s => s.IpAddress is { } ip && (!IPAddress.TryParse(ip, out var address) || !ranges.Any(r => r.Contains(address))))
                .ToList();
            if (outside.Count == 0)
            {
                continue;
            }

            var ips = outside.Select(s => s.IpAddress!).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                $"{outside.Count} sign-in(s) came from outside {string.Join(", ", integration.AllowedIpRanges)}: {ScopeFacts.List(ips)} " +
                $"({outside.Count(s => s.ErrorCode == 0)} successful).",
                Metadata.Remediation,
                outside.Take(10).Select(s => $"sign-in {s.Id} at {s.CreatedDateTime:O} from {s.IpAddress}, error {s.ErrorCode}").ToList()));
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
