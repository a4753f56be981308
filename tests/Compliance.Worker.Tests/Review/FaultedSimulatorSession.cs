using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.Collectors.Pacing;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Hosting;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Review;

/// <summary>
/// The demo tenant served under a fault profile (the demo command itself has no --faults), reached through the real
/// credential and Graph pipeline. Time runs 50× faster on both sides, like the demo, so that the real pacing is exercised.
/// </summary>
internal sealed class FaultedSimulatorSession : ITenantSession
{
    private readonly SimulatorHost host;
    private readonly SourcePacing pacing;

    private FaultedSimulatorSession(SimulatorHost host, TenantConnection connection, SourcePacing pacing)
    {
        this.host = host;
        this.pacing = pacing;
        Connection = connection;
    }

    public string Tenant => "demo";

    public TenantConnection Connection { get; }

    public SimulatorHost Host => host;

    /// <param name="faults">The simulator's fault profile.</param>
    /// <param name="unpacedSignIns">Sign-ins spend from a budget far above the simulator's 5 requests/10 s, so it answers 429.</param>
    /// <param name="maxPageSize">Small pages make sign-ins take enough requests to exceed that limit.</param>
    /// <param name="timeScale">How much faster than real time the limits run (0.02: 50×, like the demo).</param>
    public static async Task<FaultedSimulatorSession> StartAsync(FaultProfile faults, bool unpacedSignIns = false, int? maxPageSize = null, double timeScale = 0.02)
    {
        var fixture = TenantFixture.LoadDemo(DateTimeOffset.UtcNow);
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions
        {
            ClientSecret = secret, Faults = faults, FaultSeed = 7, TimeScale = timeScale, MaxPageSize = maxPageSize,
        }, CancellationToken.None);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var credential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport);
        var pacing = SourcePacing.Microsoft.Scale(timeScale);
        if (unpacedSignIns)
        {
            pacing = pacing with { SignIns = new PacingLimit(1_000_000, TimeSpan.FromSeconds(1)) };
        }

        return new FaultedSimulatorSession(host, new TenantConnection(host.TenantId, endpoints, credential, transport), pacing);
    }

    public CollectionOptions Tune(CollectionOptions options) =>
        options with { AuditPollInterval = TimeSpan.FromMilliseconds(200), Pacing = pacing };

    public ValueTask DisposeAsync() => host.DisposeAsync();
}
