using Compliance.Rules.Evidence;
using Microsoft.Graph.Models;

namespace Compliance.Collectors.Internal;

/// <summary>passwordCredentials → secrets, keyCredentials → certificates (m365-apis.md §4); only metadata, never secret material.</summary>
internal static class CredentialMapper
{
    public static List<Credential> Map(IEnumerable<PasswordCredential>? passwords, IEnumerable<KeyCredential>? keys, CredentialHolder holder)
    {
        var result = new List<Credential>();
        foreach (var p in passwords ?? [])
        {
            result.Add(new Credential(KeyId(p.KeyId), CredentialType.Secret, holder, p.DisplayName, p.StartDateTime, p.EndDateTime));
        }

        foreach (var k in keys ?? [])
        {
            // Symmetric keys are shared secrets in all but name; only X.509 keys count as certificates.
            var type = string.Equals(k.Type, "Symmetric", StringComparison.OrdinalIgnoreCase) ? CredentialType.Secret : CredentialType.Certificate;
            result.Add(new Credential(KeyId(k.KeyId), type, holder, k.DisplayName, k.StartDateTime, k.EndDateTime));
        }

        return result;
    }

    private static string KeyId(Guid? keyId) => keyId?.ToString() ?? "";
}
