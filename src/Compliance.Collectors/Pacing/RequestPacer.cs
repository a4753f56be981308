namespace Compliance.Collectors.Pacing;

/// <summary>
/// A client-side limiter for one of Microsoft's throttling budgets: at most <see cref="Capacity"/> units spent in any
/// sliding <see cref="Window"/>. Callers wait for room instead of sending and getting 429 (architecture.md §5). A
/// Retry-After seen by any caller pauses every caller sharing the budget, because the budget is per app and tenant
/// (m365-apis.md §8). Time comes from the TimeProvider, so tests can drive it with FakeTimeProvider.
/// </summary>
public sealed class RequestPacer : IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly Queue<(DateTimeOffset At, int Cost)> spent = new();
    private readonly TimeProvider time;
    private int used;
    private long pausedUntilTicks;
    private long waitedTicks;

    public RequestPacer(string name, int capacity, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        Name = name;
        Capacity = capacity;
        Window = window;
        this.time = time ?? throw new ArgumentNullException(nameof(time));
    }

    public string Name { get; }

    public int Capacity { get; }

    public TimeSpan Window { get; }

    /// <summary>Total time callers spent waiting for room (reported so a slow source can be explained).</summary>
    public TimeSpan Waited => TimeSpan.FromTicks(Interlocked.Read(ref waitedTicks));

    /// <summary>Waits until <paramref name="cost"/> units fit in the window, then spends them.</summary>
    public async Task WaitAsync(int cost, CancellationToken cancellationToken)
    {
        cost = Math.Clamp(cost, 1, Capacity);
        await gate.WaitAsync(cancellationToken);
        try
        {
            while (true)
            {
                var now = time.GetUtcNow();
                while (spent.Count > 0 && spent.Peek().At + Window <= now)
                {
                    used -= spent.Dequeue().Cost;
                }

                var paused = new DateTimeOffset(Interlocked.Read(ref pausedUntilTicks), TimeSpan.Zero);
                var until = now < paused ? paused : FreeAt(cost, now);
                if (until <= now)
                {
                    spent.Enqueue((now, cost));
                    used += cost;
                    return;
                }

                Interlocked.Add(ref waitedTicks, (until - now).Ticks);
                await Task.Delay(until - now, time, cancellationToken);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The service said "not before": nobody sharing this budget sends until then.</summary>
    public void PauseUntil(DateTimeOffset until)
    {
        var ticks = until.UtcTicks;
        long seen;
        do
        {
            seen = Interlocked.Read(ref pausedUntilTicks);
            if (ticks <= seen)
            {
                return;
            }
        }
        while (Interlocked.CompareExchange(ref pausedUntilTicks, ticks, seen) != seen);
    }

    /// <summary>When enough earlier spending has left the window for <paramref name="cost"/> more to fit.</summary>
    private DateTimeOffset FreeAt(int cost, DateTimeOffset now)
    {
        var excess = used + cost - Capacity;
        if (excess <= 0)
        {
            return now;
        }

        foreach (var (at, c) in spent)
        {
            excess -= c;
            if (excess <= 0)
            {
                return at + Window;
            }
        }

        return now;
    }

    public void Dispose() => gate.Dispose();
}
