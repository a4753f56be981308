using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.Credentials;

/// <summary>The credentials of each registered integration: on its app registration and on its service principal.</summary>
internal static class IntegrationCredentials
{
    public static IEnumerable<(Integration Integration, ServicePrincipal Principal, AppRegistration? Application, Credential Credential)> Of(EvidenceSnapshot evidence)
    {
        foreach (var (integration, principal) in evidence.RegisteredPrincipals())
        {
            var application = evidence.ApplicationByAppId(integration.AppId);
            foreach (var credential in (application?.Credentials ?? []).Concat(principal.Credentials))
            {
                yield return (integration, principal, application, credential);
            }
        }
    }

    public static bool IsActive(Credential credential, DateTimeOffset asOf) =>
        (credential.StartDateTime is not { } start || start <= asOf) && (credential.EndDateTime is not { } end || end > asOf);

    public static string Describe(Credential credential)
    {
        var kind = credential.Type == CredentialType.Secret ? "secret" : "certificate";
        var name = credential.DisplayName is { Length: > 0 } n ? $" '{n}'" : string.Empty;
        var holder = credential.Holder == CredentialHolder.Application ? "app registration" : "service principal";
        return $"{kind}{name} (key id {credential.KeyId}) on the {holder}";
    }

    public static string ResourceType(Credential credential) =>
        credential.Holder == CredentialHolder.Application ? "application" : "servicePrincipal";
}
