using Compliance.Rules.Engine;
using Compliance.Storage;

namespace Compliance.Worker.Alerts;

/// <summary>What one alert mail reports, and the item keys it claims so that nothing is alerted twice.</summary>
public sealed record AlertContent(
    string Tenant,
    string? RunId,
    string Kind,
    IReadOnlyList<AlertFindingRow> Findings,
    IReadOnlyList<ExpiringCredentialRow> ExpiringCredentials,
    IReadOnlyList<FailedSourceRow> FailedSources,
    IReadOnlyList<string> ItemKeys)
{
    /// <summary>Waivers that lapse within <see cref="Compliance.Rules.Review.WaiverStates.ExpiringWithinDays"/> days: their findings will count again.</summary>
    public IReadOnlyList<Waiver> ExpiringWaivers { get; init; } = [];

    public bool IsEmpty => ItemKeys.Count == 0;

    public string Subject =>
        Kind == AlertKinds.CredentialDigest
            ? $"[Compliance] {Tenant}: {ExpiringCredentials.Count} credential(s) expiring soon (weekly digest)"
            : $"[Compliance] {Tenant}: {Findings.Count} new high/critical finding(s), {ExpiringCredentials.Count} credential(s) expiring, {FailedSources.Count} source(s) not collected" +
              (ExpiringWaivers.Count > 0 ? $", {ExpiringWaivers.Count} waiver(s) expiring" : string.Empty);
}
