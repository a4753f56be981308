namespace Compliance.TenantSimulator.Hosting;

/// <summary>A fixed-window budget (requests or resource units) on the simulator clock.</summary>
internal sealed class ThrottleBucket(string name, int limit, TimeSpan window)
{
    private readonly Lock gate = new();
    private DateTimeOffset windowStart = DateTimeOffset.MinValue;
    private int used;

    public string Name { get; } = name;

    /// <summary>Null when admitted; otherwise how long until the window resets (the Retry-After).</summary>
    public TimeSpan? TryTake(DateTimeOffset now, int cost)
    {
        lock (gate)
        {
            if (now - windowStart >= window)
            {
                windowStart = now;
                used = 0;
            }

            if (used + cost > limit)
            {
                return windowStart + window - now;
            }

            used += cost;
            return null;
        }
    }
}
