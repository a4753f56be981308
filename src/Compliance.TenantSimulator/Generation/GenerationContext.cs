namespace Compliance.TenantSimulator.Generation;

/// <summary>What planting needs to know about the tenant being generated: its seed, clock anchor, domain and background mailboxes.</summary>
internal sealed class GenerationContext(int seed, DateTimeOffset anchor, string domain, IReadOnlyList<string> backgroundSharedMailboxes)
{
    public int Seed { get; } = seed;
    public DateTimeOffset Anchor { get; } = anchor;
    public string Domain { get; } = domain;

    /// <summary>Shared mailboxes no integration is approved for (sign-in blocked, audited).</summary>
    public IReadOnlyList<string> BackgroundSharedMailboxes { get; } = backgroundSharedMailboxes;

    public string Id(string kind, int n) => Fixture.FixtureBuilder.DeterministicGuid(Seed.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{kind}-{n}");

    public string Address(string local) => $"{local}@{Domain}";

    public string BackgroundShared(int n) => BackgroundSharedMailboxes[n % BackgroundSharedMailboxes.Count];

    /// <summary>
    /// The i-th of n instants in the hour before the anchor, never before the anchor's UTC midnight: rows a control counts
    /// "in the review period" or "today" (SIGN-001/003, CRED-007, SEND-002/003) stay inside the current month and day.
    /// </summary>
    public DateTimeOffset Recent(int i, int n)
    {
        var midnight = new DateTimeOffset(Anchor.UtcDateTime.Date, TimeSpan.Zero);
        var span = TimeSpan.FromTicks(Math.Min(TimeSpan.FromMinutes(60).Ticks, (Anchor - midnight).Ticks));
        var step = span.Ticks / (n + 1);
        return Anchor - span + TimeSpan.FromTicks(step * (i + 1)) - TimeSpan.FromSeconds(1) < midnight
            ? midnight
            : Anchor - span + TimeSpan.FromTicks(step * (i + 1)) - TimeSpan.FromSeconds(1);
    }

    /// <summary>A whole day back from the anchor's date, at the given minute of that day (UTC).</summary>
    public DateTimeOffset DaysBack(int days, int minuteOfDay) =>
        new DateTimeOffset(Anchor.UtcDateTime.Date, TimeSpan.Zero).AddDays(-days).AddMinutes(minuteOfDay);
}
