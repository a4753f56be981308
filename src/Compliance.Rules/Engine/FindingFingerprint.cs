using System.Security.Cryptography;
using System.Text;

namespace Compliance.Rules.Engine;

/// <summary>Stable identity of a finding across runs: rule id + resource id (+ qualifier), hashed.</summary>
public static class FindingFingerprint
{
    public static string Of(string ruleId, string resourceId, string? qualifier)
    {
        var key = $"{ruleId}|{resourceId.ToUpperInvariant()}|{qualifier?.ToUpperInvariant()}";
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(key));
        return Convert.ToHexStringLower(hash.AsSpan(0, 12));
    }
}
