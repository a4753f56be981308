using Compliance.Collectors.Incremental;
using Compliance.Rules.Evidence;
using Microsoft.Graph.Models;

namespace Compliance.Collectors.Internal;

/// <summary>
/// passwordCredentials → secrets, keyCredentials → certificates (m365-apis.md §4); only metadata, never secret material.
/// Evaluation keeps every record of a read, so each list is an array of exactly its credentials, one shared empty array
/// for the principals and apps that have none (all but 6 of the large tenant's 100,000 service principals), and the
/// display names — a handful of values across a tenant ("Password uploaded on …", the vendor's name) — come from the
/// read's <see cref="StringPool"/>.
/// </summary>
internal static class CredentialMapper
{
    public static IReadOnlyList<Credential> Map(
        ICollection<PasswordCredential>? passwords, ICollection<KeyCredential>? keys, CredentialHolder holder, StringPool displayNames)
    {
        var count = (passwords?.Count ?? 0) + (keys?.Count ?? 0);
        if (count == 0)
        {
            return [];
        }

        var result = new Credential[count];
        var i = 0;
        foreach (var p in passwords ?? [])
        {
            result[i++] = new Credential(KeyId(p.KeyId), CredentialType.Secret, holder, displayNames.GetOrNull(p.DisplayName), p.StartDateTime, p.EndDateTime);
        }

        foreach (var k in keys ?? [])
        {
            // Symmetric keys are shared secrets in all but name; only X.509 keys count as certificates.
            var type = string.Equals(k.Type, "Symmetric", StringComparison.OrdinalIgnoreCase) ? CredentialType.Secret : CredentialType.Certificate;
            result[i++] = new Credential(KeyId(k.KeyId), type, holder, displayNames.GetOrNull(k.DisplayName), k.StartDateTime, k.EndDateTime);
        }

        return result;
    }

    private static string KeyId(Guid? keyId) => keyId?.ToString() ?? "";
}
