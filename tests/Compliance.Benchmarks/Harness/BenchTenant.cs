using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.TenantSimulator;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Harness;

/// <summary>A simulator on loopback with the run's options, and the connection a real run would build for it.</summary>
internal sealed class BenchTenant : ITenantSession
{
    private BenchTenant(SimulatorHost host, TenantFixture fixture, TenantConnection connection)
    {
        Host = host;
        Fixture = fixture;
        Connection = connection;
    }

    public SimulatorHost Host { get; }

    public TenantFixture Fixture { get; }

    public string Tenant => DemoTenantSession.TenantName;

    public TenantConnection Connection { get; }

    public static async Task<BenchTenant> StartAsync(TenantFixture fixture, bool throttling, double timeScale, CancellationToken ct)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions { ClientSecret = secret, Throttling = throttling, TimeScale = timeScale }, ct);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var credential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport);
        return new BenchTenant(host, fixture, new TenantConnection(host.TenantId, endpoints, credential, transport));
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
