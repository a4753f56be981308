using System.Security.Cryptography;
using Compliance.Collectors.Pacing;
using Compliance.Rules.Evidence;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>A demo simulator with small pages, and the connection a real run would build for it.</summary>
internal sealed class RunningTenant : IAsyncDisposable
{
    public const int PageSize = 20;
    public static readonly DateTimeOffset Anchor = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    /// <summary>The review window of the anchor's month, as the pipeline would pass it.</summary>
    public static readonly ReviewWindow Window = ReviewWindow.ForPeriod("2026-11", Anchor);

    private RunningTenant(SimulatorHost host, TenantFixture fixture, string secret)
    {
        Host = host;
        Fixture = fixture;
        Secret = secret;
    }

    public SimulatorHost Host { get; }
    public TenantFixture Fixture { get; }
    public string Secret { get; }
    public string Thumbprint => Host.Certificate.GetCertHashString(HashAlgorithmName.SHA256);

    /// <summary>Starts the simulator; <paramref name="time"/> is its clock (what it has seen happen), the system's by default.</summary>
    public static async Task<RunningTenant> StartAsync(TenantFixture? fixture = null, TimeProvider? time = null)
    {
        fixture ??= TenantFixture.LoadDemo(Anchor);
        var secret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var host = await SimulatorHost.StartAsync(
            fixture, new SimulatorOptions { ClientSecret = secret, MaxPageSize = PageSize, TimeScale = TimeScale, Time = time }, CancellationToken.None);
        return new RunningTenant(host, fixture, secret);
    }

    public TenantConnection Connection(string? secret = null, string? thumbprint = null)
    {
        var endpoints = CloudEndpoints.ForSimulator(Host.BaseUri);
        var transport = PinnedCertificate.Handler(thumbprint ?? Thumbprint);
        var credential = TenantCredentials.ClientSecret(Host.TenantId, Fixture.AuditorAppId, secret ?? Secret, endpoints, transport);
        return new TenantConnection(Host.TenantId, endpoints, credential, transport);
    }

    public static IReadOnlyList<string> Senders { get; } =
    [
        "payroll-notification@contoso-demo.example", "finance-notification@contoso-demo.example", "hr-notification@contoso-demo.example",
        "reports-notification@contoso-demo.example", "marketing-newsletter@contoso-demo.example",
    ];

    /// <summary>The simulator's throttling windows run 50× faster; the collectors' budgets are scaled to match.</summary>
    public const double TimeScale = 0.02;

    /// <summary>
    /// Microsoft's budgets on the simulator's scaled clock, for tests about content: the pacing tests set their own limits.
    /// Message trace reads the demo's sender mailboxes.
    /// </summary>
    public static CollectionOptions Options { get; } = new()
    {
        Pacing = SourcePacing.Microsoft.Scale(TimeScale),
        SenderAddresses = Senders,
        AuditPollInterval = TimeSpan.FromMilliseconds(50),
    };


    public async Task<(CollectedEvidence Evidence, MemorySink Sink)> CollectAsync(
        TenantConnection? connection = null, CollectionOptions? options = null, IIncrementalStore? store = null, TimeProvider? time = null,
        IDirectoryDeltaStore? directoryStore = null, ISignInActivityStore? activityStore = null)
    {
        var sink = new MemorySink();
        var evidence = await new EvidenceCollection(connection ?? Connection(), sink, time ?? TimeProvider.System, Window, options ?? Options, store, directoryStore, activityStore)
            .CollectAsync(null, CancellationToken.None);
        return (evidence, sink);
    }

    /// <summary>Collects the demo with a planted <c>failures</c> section; asserts <paramref name="source"/> was not collected and returns its reason.</summary>
    public static async Task<(CollectedEvidence Evidence, string? Reason)> NotCollectedAsync(string failuresBody, string source)
    {
        await using var tenant = await StartAsync(FixtureJson.WithFailures(failuresBody));
        var (evidence, _) = await tenant.CollectAsync();
        var result = evidence.Sources.Single(s => s.Name == source);
        Assert.Equal(SourceState.NotCollected, result.State);
        return (evidence, result.Reason);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
