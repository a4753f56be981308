using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.TenantSimulator;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>
/// The built-in demo tenant: the simulator on loopback over https, reached through the same credential and
/// Graph pipeline as a real tenant. The client secret is random per run and never leaves this process.
/// </summary>
public sealed class DemoTenantSession : ITenantSession
{
    public const string TenantName = "demo";

    private readonly SimulatorHost host;

    private DemoTenantSession(SimulatorHost host, TenantConnection connection)
    {
        this.host = host;
        Connection = connection;
    }

    public string Tenant => TenantName;

    public TenantConnection Connection { get; }

    // fixturePath: a tenant fixture file (docs/tenant-fixture.md) served instead of the built-in demo tenant;
    // outboxDirectory receives every mail its sendMail accepts, as .eml (contract.md "Outputs": outbox/).
    public static async Task<DemoTenantSession> StartAsync(TimeProvider time, string? fixturePath, CancellationToken cancellationToken, string? outboxDirectory = null)
    {
        var fixture = fixturePath is null ? TenantFixture.LoadDemo(time.GetUtcNow()) : LoadFixture(fixturePath, time.GetUtcNow());
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions { ClientSecret = secret, OutboxDirectory = outboxDirectory }, cancellationToken);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var credential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport);
        return new DemoTenantSession(host, new TenantConnection(host.TenantId, endpoints, credential, transport));
    }

    /// <summary>Mail the simulator accepted during this session.</summary>
    public IReadOnlyList<string> SentMail => host.SentMail.Messages;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    private static TenantFixture LoadFixture(string path, DateTimeOffset anchor)
    {
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"--fixture: file '{path}' not found");
        }

        try
        {
            using var stream = File.OpenRead(path);
            return TenantFixture.Load(stream, anchor);
        }
        catch (Exception e) when (e is InvalidDataException or System.Text.Json.JsonException or FormatException)
        {
            throw new ConfigurationException($"--fixture: '{path}' is not a valid tenant fixture: {e.Message.Split('\n', 2)[0]}");
        }
    }
}
