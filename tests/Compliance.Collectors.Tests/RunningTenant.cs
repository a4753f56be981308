using System.Security.Cryptography;
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

    public static async Task<RunningTenant> StartAsync(TenantFixture? fixture = null)
    {
        fixture ??= TenantFixture.LoadDemo(Anchor);
        var secret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions { ClientSecret = secret, MaxPageSize = PageSize }, CancellationToken.None);
        return new RunningTenant(host, fixture, secret);
    }

    public TenantConnection Connection(string? secret = null, string? thumbprint = null)
    {
        var endpoints = CloudEndpoints.ForSimulator(Host.BaseUri);
        var transport = PinnedCertificate.Handler(thumbprint ?? Thumbprint);
        var credential = TenantCredentials.ClientSecret(Host.TenantId, Fixture.AuditorAppId, secret ?? Secret, endpoints, transport);
        return new TenantConnection(Host.TenantId, endpoints, credential, transport);
    }

    public async Task<(CollectedEvidence Evidence, MemorySink Sink)> CollectAsync(TenantConnection? connection = null)
    {
        var sink = new MemorySink();
        var evidence = await new EvidenceCollection(connection ?? Connection(), sink, TimeProvider.System, Window).CollectAsync(null, CancellationToken.None);
        return (evidence, sink);
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
