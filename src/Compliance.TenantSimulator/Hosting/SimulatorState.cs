using Compliance.TenantSimulator.Identity;

namespace Compliance.TenantSimulator.Hosting;

/// <summary>What the endpoints share: the tenant, the issued tokens, the options.</summary>
internal sealed class SimulatorState(TenantFixture fixture, SimulatorOptions options, TimeProvider time)
{
    public TenantFixture Fixture { get; } = fixture;
    public SimulatorOptions Options { get; } = options;
    public TimeProvider Time { get; } = time;
    public TokenStore Tokens { get; } = new();
    public System.Collections.Concurrent.ConcurrentDictionary<string, AuditQuery> AuditQueries { get; } = new(StringComparer.OrdinalIgnoreCase);
    public Outbox Outbox { get; } = new(options.OutboxDirectory);
    public Graph.PageCursors Cursors { get; } = new();
    /// <summary>Built on the first message-trace request, once, whichever thread asks first (Lazy's default mode).</summary>
    public Lazy<Graph.MessageTraceIndex> MessageTrace { get; } = new(() => Graph.MessageTraceIndex.Build(fixture.Activity.Messages));
    public string ClientId => Options.ClientId ?? Fixture.AuditorAppId;

    public int PageSize(int requested) => Options.MaxPageSize is { } cap && cap > 0 ? Math.Min(requested, cap) : requested;
}
