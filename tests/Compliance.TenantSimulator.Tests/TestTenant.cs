using System.Net.Http.Headers;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>A running demo simulator plus an HttpClient that trusts exactly its certificate.</summary>
internal sealed class TestTenant : IAsyncDisposable
{
    public const string Secret = "test-secret-Q~abc123";
    public static readonly DateTimeOffset Anchor = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    private TestTenant(SimulatorHost host, HttpClient http, TenantFixture fixture)
    {
        Host = host;
        Http = http;
        Fixture = fixture;
    }

    public SimulatorHost Host { get; }
    public HttpClient Http { get; }
    public TenantFixture Fixture { get; }

    public static async Task<TestTenant> StartAsync(int? maxPageSize = null, TenantFixture? fixture = null, SimulatorOptions? options = null)
    {
        fixture ??= TenantFixture.LoadDemo(Anchor);
        // Tests that do not ask for throttling get none, so paging tests are not 429-bound.
        options ??= new SimulatorOptions { Throttling = false };
        var host = await SimulatorHost.StartAsync(
            fixture,
            new SimulatorOptions
            {
                ClientSecret = Secret,
                MaxPageSize = maxPageSize ?? options.MaxPageSize,
                Time = options.Time ?? new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Anchor),
                ClientId = options.ClientId,
                OutboxDirectory = options.OutboxDirectory,
                Throttling = options.Throttling,
                TimeScale = options.TimeScale,
                Faults = options.Faults,
                FaultSeed = options.FaultSeed,
                ClientCertificate = options.ClientCertificate,
            },
            CancellationToken.None);
        return new TestTenant(host, new HttpClient(PinnedHandler(host)) { BaseAddress = host.BaseUri }, fixture);
    }

    /// <summary>A handler that trusts exactly this simulator's self-signed certificate (for HttpClient, the Graph SDK and Azure.Identity).</summary>
    public HttpClientHandler PinnedHandler() => PinnedHandler(Host);

    private static HttpClientHandler PinnedHandler(SimulatorHost host)
    {
        var thumbprint = host.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        return new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, cert, _, _) =>
                cert is not null && cert.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256) == thumbprint,
        };
    }

    public async Task<HttpResponseMessage> TokenResponseAsync(string secret, string scope = "https://graph.microsoft.com/.default", string? clientId = null)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId ?? Fixture.AuditorAppId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
        return await Http.PostAsync($"{Host.TenantId}/oauth2/v2.0/token", form);
    }

    public async Task<string> TokenAsync(string scope = "https://graph.microsoft.com/.default")
    {
        using var response = await TokenResponseAsync(Secret, scope);
        response.EnsureSuccessStatusCode();
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return doc.RootElement.GetProperty("access_token").GetString()!;
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string url, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await Http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, doc.RootElement.Clone());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Host.DisposeAsync();
    }
}
