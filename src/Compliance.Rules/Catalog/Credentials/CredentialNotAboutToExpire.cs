using System.Globalization;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>CRED-002: no secret or certificate of an integration expires within Policy:ExpiryWarningDays.</summary>
public sealed class CredentialNotAboutToExpire : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "CRED-002",
        Title: "Credential not about to expire",
        DefaultSeverity: Severity.High,
        Rationale: "When the integration's only valid secret or certificate expires, it can no longer obtain tokens and " +
                   "stops sending mail. Rotation must happen before expiry (Policy:ExpiryWarningDays, default 30).",
        Remediation: "Add a new credential (Add-MgApplicationPassword -ApplicationId <app object id>, or upload a new certificate), " +
                     "hand it to the vendor, confirm sign-ins use it, then remove the old one " +
                     "(Remove-MgApplicationPassword -ApplicationId <app object id> -KeyId <key id>).",
        References: [References.Runbook("step 5 — rotate secrets before expiry"), References.RenewExpiringCredentials],
        EvidenceSources: [EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.Register]);

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var warnUntil = evidence.AsOf.AddDays(policy.ExpiryWarningDays);
        var population = IntegrationCredentials.Of(evidence).ToList();
        var findings = population
            .Where(c => c.Credential.EndDateTime is { } end && end > evidence.AsOf && end <= warnUntil)
            .Select(c => ToFinding(evidence, c.Integration, c.Principal, c.Application, c.Credential, c.Credential.EndDateTime!.Value));
        return RuleEvaluation.Of(population.Count, findings);
    }

    private Finding ToFinding(
        EvidenceSnapshot evidence, Integration integration, ServicePrincipal principal, AppRegistration? application, Credential credential, DateTimeOffset end)
    {
        var days = (int)Math.Floor((end - evidence.AsOf).TotalDays);
        var kind = credential.Type == CredentialType.Secret ? "secret" : "certificate";
        var holder = credential.Holder == CredentialHolder.Application ? "app registration" : "service principal (enterprise app)";
        var name = credential.DisplayName is { Length: > 0 } n ? $" '{n}'" : string.Empty;
        var remediation = credential.Holder == CredentialHolder.Application
            ? $"Add-MgApplicationPassword -ApplicationId {application?.ObjectId}; after the vendor switched: Remove-MgApplicationPassword -ApplicationId {application?.ObjectId} -KeyId {credential.KeyId}"
            : $"Move the credential to the app registration; then Remove-MgServicePrincipalKey -ServicePrincipalId {principal.ObjectId} -KeyId {credential.KeyId} (after the vendor switched)";
        return new Finding(
            RuleId: Metadata.Id,
            Severity: Metadata.DefaultSeverity,
            ResourceType: credential.Holder == CredentialHolder.Application ? "application" : "servicePrincipal",
            ResourceId: principal.AppId,
            ResourceName: principal.DisplayName,
            Integration: integration.Name,
            Detail: $"The {kind}{name} (key id {credential.KeyId}) on the {holder} expires on " +
                    $"{end.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, in {days} day(s); the integration will stop sending mail.",
            Remediation: remediation,
            Evidence: [$"{holder} {kind} {credential.KeyId}: endDateTime {end.ToString("O", CultureInfo.InvariantCulture)}"],
            Qualifier: credential.KeyId);
    }
}
