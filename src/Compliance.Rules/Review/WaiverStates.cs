using Compliance.Rules.Engine;

namespace Compliance.Rules.Review;

/// <summary>Which waivers a period's report shows, and in which state (issue 6: active, expiring within 30 days, expired this period).</summary>
public static class WaiverStates
{
    public const int ExpiringWithinDays = 30;

    public static IReadOnlyList<WaiverInfo> ForReport(IEnumerable<Waiver> waivers, DateTimeOffset asOf, DateTimeOffset periodStart) =>
        waivers
            .Select(w => (Waiver: w, State: StateOf(w, asOf, periodStart)))
            .Where(x => x.State is not null)
            .OrderBy(x => x.Waiver.Until)
            .Select(x => new WaiverInfo(x.Waiver.Id, x.Waiver.RuleId, x.Waiver.ResourceId, x.Waiver.Fingerprint, x.Waiver.Reason,
                x.Waiver.Approver, x.Waiver.Ticket, x.Waiver.CreatedAt, x.Waiver.Until, x.State!))
            .ToList();

    /// <summary>null when the waiver no longer concerns this period (revoked or expired before it began).</summary>
    public static string? StateOf(Waiver waiver, DateTimeOffset asOf, DateTimeOffset periodStart)
    {
        if (waiver.RevokedAt is { } revoked)
        {
            return revoked >= periodStart ? "revoked" : null;
        }

        if (waiver.Until <= asOf)
        {
            return waiver.Until > periodStart ? "expired" : null;
        }

        return waiver.Until <= asOf.AddDays(ExpiringWithinDays) ? "expiring" : "active";
    }
}
