using Compliance.Rules.Engine;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Alerts;

/// <summary>
/// Decides what an alert reports. Each item has a key; an item whose key an earlier alert already claimed is left out,
/// so a finding is alerted once (a reopened finding again, once per reopening run), an expiring credential once per
/// credential (and once per week in the digest), a failed source once per run.
/// </summary>
public sealed class AlertComposer(ComplianceSettings settings, SqliteDatabase database)
{
    private readonly AlertEvidenceRepository evidence = new(database);
    private readonly OutboxRepository outbox = new(database);

    public async Task<AlertContent> DailyAsync(string tenant, string runId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var minimum = Enum.Parse<Severity>(settings.Alerts.MinimumSeverity, ignoreCase: true);
        var findings = (await evidence.FindingsAsync(runId, cancellationToken))
            .Where(f => Enum.TryParse<Severity>(f.Severity, true, out var s) && s >= minimum && f.Status != nameof(FindingStatus.Waived))
            .Select(f => (Key: f.Status == nameof(FindingStatus.Reopened) ? $"finding:{f.Fingerprint}:reopened:{runId}" : $"finding:{f.Fingerprint}", Row: f))
            .ToList();
        var credentials = (await evidence.ExpiringCredentialsAsync(runId, asOf, asOf.AddDays(settings.Policy.ExpiryWarningDays), cancellationToken))
            .Select(c => (Key: $"credential:{c.AppId}:{c.KeyId}", Row: c))
            .ToList();
        var sources = (await evidence.FailedSourcesAsync(runId, cancellationToken)).Select(s => (Key: $"source:{runId}:{s.Name}", Row: s)).ToList();
        // A waiver about to lapse is announced once per waiver (the day its finding returns, the finding itself is alerted again).
        var waivers = (await new WaiverRepository(database).ListAsync(tenant, cancellationToken))
            .Where(w => w.IsActiveAt(asOf) && w.Until <= asOf.AddDays(Compliance.Rules.Review.WaiverStates.ExpiringWithinDays))
            .Select(w => (Key: $"waiver:{w.Id}:expiring", Row: w))
            .ToList();

        var keys = findings.Select(f => f.Key).Concat(credentials.Select(c => c.Key)).Concat(sources.Select(s => s.Key)).Concat(waivers.Select(w => w.Key)).ToList();
        var open = await outbox.UnclaimedAsync(tenant, keys, cancellationToken);
        return new AlertContent(
            tenant, runId, AlertKinds.Daily,
            findings.Where(f => open.Contains(f.Key)).Select(f => f.Row).ToList(),
            credentials.Where(c => open.Contains(c.Key)).Select(c => c.Row).ToList(),
            sources.Where(s => open.Contains(s.Key)).Select(s => s.Row).ToList(),
            [.. keys.Where(open.Contains)])
        {
            ExpiringWaivers = waivers.Where(w => open.Contains(w.Key)).Select(w => w.Row).ToList(),
        };
    }

    /// <summary>The weekly digest: every credential of the run ending within the warning window of <paramref name="asOf"/>, once per ISO week.</summary>
    public async Task<AlertContent> CredentialDigestAsync(string tenant, string runId, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var week = $"{System.Globalization.ISOWeek.GetYear(asOf.UtcDateTime)}-W{System.Globalization.ISOWeek.GetWeekOfYear(asOf.UtcDateTime):D2}";
        var credentials = (await evidence.ExpiringCredentialsAsync(runId, asOf, asOf.AddDays(settings.Policy.ExpiryWarningDays), cancellationToken))
            .Select(c => (Key: $"digest:{week}:{c.AppId}:{c.KeyId}", Row: c))
            .ToList();
        var open = await outbox.UnclaimedAsync(tenant, credentials.Select(c => c.Key), cancellationToken);
        var kept = credentials.Where(c => open.Contains(c.Key)).ToList();
        return new AlertContent(tenant, runId, AlertKinds.CredentialDigest, [], kept.Select(c => c.Row).ToList(), [], kept.Select(c => c.Key).ToList());
    }
}
