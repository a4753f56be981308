using System.Diagnostics;
using Compliance.Collectors;
using Compliance.Collectors.Pacing;
using Compliance.Rules.Evidence;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Harness;

/// <summary>One collection of a bench tenant, timed, with what it cost.</summary>
internal static class Collect
{
    /// <summary>Budgets so large that the collectors never wait: "throttling off" on both sides.</summary>
    public static SourcePacing Unpaced { get; } = new(
        new PacingLimit(1_000_000, TimeSpan.FromSeconds(1)), new PacingLimit(1_000_000, TimeSpan.FromSeconds(1)),
        new PacingLimit(1_000_000, TimeSpan.FromSeconds(1)), new PacingLimit(1_000_000, TimeSpan.FromSeconds(1)), null);

    /// <summary>Microsoft's budgets with every window multiplied like the simulator's TimeScale.</summary>
    public static SourcePacing Scaled(double timeScale)
    {
        PacingLimit S(PacingLimit l) => l with { Window = l.Window * timeScale };
        var m = SourcePacing.Microsoft;
        return new SourcePacing(S(m.Directory), S(m.SignIns), S(m.MessageTrace), S(m.LogAnalytics), m.ExchangeAdmin);
    }

    public static CollectionOptions Options(SourcePacing pacing, double pollSeconds) => new()
    {
        Pacing = pacing,
        AuditPollInterval = TimeSpan.FromSeconds(pollSeconds),
        SenderAddresses = DemoSenders,
    };

    public static IReadOnlyList<string> DemoSenders { get; } =
    [
        "payroll-notification@contoso-demo.example", "finance-notification@contoso-demo.example", "hr-notification@contoso-demo.example",
        "reports-notification@contoso-demo.example", "marketing-newsletter@contoso-demo.example",
    ];

    public static async Task<(CollectedEvidence Evidence, double Seconds)> RunAsync(
        ITenantSession tenant, ReviewWindow window, CollectionOptions options, IIncrementalStore? store, CancellationToken ct, IDirectoryDeltaStore? directoryStore = null,
        ISignInActivityStore? activityStore = null)
    {
        var watch = Stopwatch.StartNew();
        var evidence = await new EvidenceCollection(tenant.Connection, new CountingSink(), TimeProvider.System, window, options, store, directoryStore, activityStore)
            .CollectAsync(null, ct);
        var seconds = watch.Elapsed.TotalSeconds;
        foreach (var s in evidence.Sources.Where(s => s.State != SourceState.Collected))
        {
            Console.WriteLine($"  warning: {s.Name} {s.State}: {s.Reason}");
        }

        return (evidence, seconds);
    }

    public static int Requests(CollectedEvidence evidence, params string[] sources) =>
        evidence.Sources.Where(s => sources.Contains(s.Name)).Sum(s => s.Requests);
}
