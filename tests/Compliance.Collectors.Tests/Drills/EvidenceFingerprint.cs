using System.Security.Cryptography;
using System.Text.Json;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests.Drills;

/// <summary>
/// Row count and SHA-256 of every source's records, each list serialised in a canonical order: two collections of the
/// same tenant must agree on both whatever faults the transport went through (a retried page must not add or lose rows).
/// </summary>
internal static class EvidenceFingerprint
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };

    public static IReadOnlyDictionary<string, (int Rows, string Sha256)> Of(CollectedEvidence e) => new Dictionary<string, (int, string)>
    {
        [EvidenceSources.Applications] = Hash(e.Applications),
        [EvidenceSources.ServicePrincipals] = Hash(e.ServicePrincipals),
        [EvidenceSources.AppRoleGrants] = Hash(e.AppRoleGrants),
        [EvidenceSources.AccessPolicies] = Hash(e.AccessPolicies),
        [EvidenceSources.DelegatedGrants] = Hash(e.DelegatedGrants),
        [EvidenceSources.ExchangeRbac] = Hash([.. e.ExchangeRoleAssignments.Cast<object>(), .. e.ManagementScopes]),
        [EvidenceSources.Mailboxes] = Hash(e.Mailboxes),
        [EvidenceSources.Groups] = Hash(e.Groups),
        [EvidenceSources.AdministrativeUnits] = Hash(e.AdministrativeUnits),
        [EvidenceSources.OrganizationConfig] = Hash(e.OrganizationConfig is null ? [] : new[] { e.OrganizationConfig }),
        [EvidenceSources.SignIns] = Hash(e.SignIns),
        [EvidenceSources.SignInActivity] = Hash(e.SignInActivity),
        [EvidenceSources.MessageTrace] = Hash(e.MessageTrace),
        [EvidenceSources.MailboxAudit] = Hash(e.MailboxAudit),
    };

    private static (int, string) Hash<T>(IEnumerable<T> records)
    {
        // Order-insensitive: concurrent pages may arrive in any order; each record is serialised with its runtime type.
        var lines = records.Select(r => JsonSerializer.Serialize(r, r!.GetType(), Json)).Order(StringComparer.Ordinal).ToList();
        var digest = SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return (lines.Count, Convert.ToHexStringLower(digest));
    }
}
