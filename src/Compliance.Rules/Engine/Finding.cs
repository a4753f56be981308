namespace Compliance.Rules.Engine;

/// <summary>
/// One failure of one control on one resource. <see cref="Qualifier"/> distinguishes several findings of
/// one rule on one resource (e.g. the credential key id) and is part of the fingerprint.
/// </summary>
public sealed record Finding(
    string RuleId,
    Severity Severity,
    string ResourceType,
    string ResourceId,
    string ResourceName,
    string? Integration,
    string Detail,
    string Remediation,
    IReadOnlyList<string> Evidence,
    string? Qualifier = null)
{
    public string Fingerprint => FindingFingerprint.Of(RuleId, ResourceId, Qualifier);
}
