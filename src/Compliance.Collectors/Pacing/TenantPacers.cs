namespace Compliance.Collectors.Pacing;

/// <summary>
/// The throttling budgets of one tenant for one run. Sources that draw on the same Microsoft budget share one pacer
/// (every directory read spends from the same resource-unit bucket per app and tenant), so running them concurrently
/// never oversubscribes it.
/// </summary>
internal sealed class TenantPacers(SourcePacing pacing, TimeProvider time) : IDisposable
{
    public RequestPacer Directory { get; } = Create("directory", pacing.Directory, time);

    public RequestPacer SignIns { get; } = Create("signIns", pacing.SignIns, time);

    public RequestPacer MessageTrace { get; } = Create("messageTrace", pacing.MessageTrace, time);

    public RequestPacer LogAnalytics { get; } = Create("logAnalytics", pacing.LogAnalytics, time);

    public RequestPacer? ExchangeAdmin { get; } = pacing.ExchangeAdmin is { } limit ? Create("exchangeAdmin", limit, time) : null;

    public void Dispose()
    {
        Directory.Dispose();
        SignIns.Dispose();
        MessageTrace.Dispose();
        LogAnalytics.Dispose();
        ExchangeAdmin?.Dispose();
    }

    private static RequestPacer Create(string name, PacingLimit limit, TimeProvider time) => new(name, limit.Capacity, limit.Window, time);
}
