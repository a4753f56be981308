using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.TenantSimulator;
using Compliance.Worker.Authentication;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Tests.Authentication;

/// <summary>
/// The demo tenant on the simulator, whose vault holds the auditor app's client secret under <see cref="SecretName"/>,
/// configured as a Custom cloud the way an operator would write Tenants:{name} — every endpoint at the simulator.
/// </summary>
internal sealed class VaultTenant : IAsyncDisposable
{
    public const string SecretName = "contoso-auditor-secret";

    private VaultTenant(SimulatorHost host, TenantFixture fixture, string secret)
    {
        Host = host;
        Fixture = fixture;
        Secret = secret;
        Transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
    }

    public SimulatorHost Host { get; }

    public TenantFixture Fixture { get; }

    /// <summary>The auditor app's client secret: the value that must never appear in any output.</summary>
    public string Secret { get; }

    public Func<HttpMessageHandler> Transport { get; }

    /// <summary>The vault is read with the auditor app's own credential (a managed identity on a real host).</summary>
    public SecretStores Stores => new()
    {
        VaultCredential = TenantCredentials.ClientSecret(Host.TenantId, Fixture.AuditorAppId, Secret, CloudEndpoints.ForSimulator(Host.BaseUri), Transport),
        VaultTransport = Transport,
    };

    public static async Task<VaultTenant> StartAsync(TenantFixture? fixture = null)
    {
        fixture ??= TenantFixture.LoadDemo(DateTimeOffset.UtcNow);
        var secret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions
        {
            ClientSecret = secret, KeyVaultSecrets = new Dictionary<string, string> { [SecretName] = secret },
        }, CancellationToken.None);
        return new VaultTenant(host, fixture, secret);
    }

    public TenantSettings Settings(AuthSettings auth)
    {
        auth.ClientId = Fixture.AuditorAppId;
        return new TenantSettings
        {
            TenantId = Host.TenantId,
            Cloud = CloudKind.Custom,
            Endpoints = new EndpointSettings { AuthorityHost = Host.BaseUri, Graph = Host.BaseUri, ExchangeAdmin = Host.BaseUri, LogAnalytics = Host.BaseUri },
            Auth = auth,
        };
    }

    public ValueTask DisposeAsync() => Host.DisposeAsync();
}
