using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-007: integrations authenticate with certificates — as the register expects, and observed in sign-ins.</summary>
public sealed class CertificatePreferred : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-007",
        Title: "Certificate preferred",
        DefaultSeverity: Severity.Low,
        Rationale: "A certificate's private key need never leave the vendor's server; a secret is a string that is copied around. The " +
                   "runbook starts with a secret and moves to a certificate where the vendor supports it; the register records which is expected.",
        Remediation: "Ask the vendor for a certificate (public key), upload it (Update-MgApplication -KeyCredentials …), confirm sign-ins show " +
                     "clientCredentialType certificate/clientAssertion, then remove the secret.",
        References: [References.Runbook("step 2 — certificate where supported"), new RuleReference(
            "Microsoft Learn: certificate credentials for application authentication", "https://learn.microsoft.com/entra/identity-platform/certificate-credentials")],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.SignIns, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        foreach (var (integration, principal) in population)
        {
            var credentials = (evidence.ApplicationByAppId(principal.AppId)?.Credentials ?? []).Concat(principal.Credentials).ToList();
            var hasCertificate = credentials.Any(c => c.Type == CredentialType.Certificate && IntegrationCredentials.IsActive(c, evidence.AsOf));
            var secretSignIns = SignInWindow.InPeriod(evidence, principal.AppId)
                .Count(s => s.ErrorCode == 0 && string.Equals(s.ClientCredentialType, "clientSecret", StringComparison.OrdinalIgnoreCase));
            string? detail = null;
            if (integration.ExpectedCredentialType == ExpectedCredentialType.Certificate && secretSignIns > 0)
            {
                detail = $"The register expects a certificate, but {secretSignIns} successful sign-in(s) this period used a client secret.";
            }
            else if (!hasCertificate)
            {
                detail = $"{principal.DisplayName} has no active certificate; it can only authenticate with a secret.";
            }

            if (detail is not null)
            {
                findings.Add(new Finding(
                    Metadata.Id, Metadata.DefaultSeverity, "application", principal.AppId, principal.DisplayName, integration.Name,
                    detail, Metadata.Remediation,
                    [$"expected {integration.ExpectedCredentialType}; active certificate: {(hasCertificate ? "yes" : "no")}; secret sign-ins: {secretSignIns}"]));
            }
        }

        return RuleEvaluation.Of(population.Count, findings);
    }
}
