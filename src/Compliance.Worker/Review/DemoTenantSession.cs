using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.Collectors.Pacing;
using Compliance.Rules.Policy;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Model;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>
/// The built-in demo tenant: the simulator on loopback over https, reached through the same credential and
/// Graph pipeline as a real tenant. The client secret is random per run and never leaves this process.
/// </summary>
public sealed class DemoTenantSession : ITenantSession
{
    public const string TenantName = "demo";

    /// <summary>
    /// The simulator enforces Microsoft's throttling limits, and collection paces itself to them, both on a clock
    /// running 50 times faster: the demo exercises the real pacing but a 5-minute message-trace budget lasts 6 s.
    /// </summary>
    private const double TimeScale = 0.02;

    private const string DemoWorkspaceId = "5a1e0000-0000-4000-8000-00000000d3e0";

    private readonly SimulatorHost host;

    private DemoTenantSession(SimulatorHost host, TenantConnection connection, string tenant, IReadOnlyList<Integration>? register)
    {
        this.host = host;
        Connection = connection;
        Tenant = tenant;
        Register = register;
    }

    public string Tenant { get; }

    /// <summary>A generated tenant brings its own register; the demo and fixture files use appsettings.json Integrations:demo.</summary>
    public IReadOnlyList<Integration>? Register { get; }

    public TenantConnection Connection { get; }

    /// <summary>The fixture's last attested review (DemoReviewHistory records it); null for generated tenants and fixtures without one.</summary>
    public SimPreviousReview? PreviousReview { get; private init; }

    /// <summary>
    /// Starts the simulator with the built-in demo tenant, or the fixture file at <paramref name="fixturePath"/>
    /// (docs/tenant-fixture.md); <paramref name="outboxDirectory"/> receives every mail its sendMail accepts, as .eml
    /// (contract.md "Outputs": outbox/).
    /// </summary>
    public static Task<DemoTenantSession> StartAsync(TimeProvider time, string? fixturePath, string? outboxDirectory, CancellationToken cancellationToken) =>
        StartAsync(time, fixturePath is null ? TenantFixture.LoadDemo(time.GetUtcNow()) : LoadFixture(fixturePath, time.GetUtcNow()), TenantName, null, outboxDirectory, cancellationToken);

    /// <summary>Starts the simulator with a generated tenant (--scale small|large --seed N), under its own tenant name and register.</summary>
    public static Task<DemoTenantSession> StartGeneratedAsync(TimeProvider time, TenantScale scale, int seed, string? outboxDirectory, CancellationToken cancellationToken)
    {
        var fixture = TenantFixture.Generate(scale, seed, time.GetUtcNow());
        var register = fixture.Register.Select(e => new Integration(e.Name, e.AppId, e.Vendor, e.BusinessFunction, e.Owner, e.Ticket, e.ApprovedSenders,
            Enum.Parse<ExpectedCredentialType>(e.ExpectedCredentialType, ignoreCase: true), e.AllowedIpRanges)).ToList();
        return StartAsync(time, fixture, GeneratedName(scale, seed), register, outboxDirectory, cancellationToken);
    }

    /// <summary>The tenant as it stood at its previous review, on <paramref name="time"/> (a clock set to that moment); no outbox.</summary>
    public static Task<DemoTenantSession> StartAsAtPreviousReviewAsync(TimeProvider time, SimPreviousReview previous, CancellationToken cancellationToken) =>
        StartAsync(time, previous.Tenant, TenantName, null, null, cancellationToken);

    public static string GeneratedName(TenantScale scale, int seed) => GeneratedTenantName.Of(scale, seed);

    private static async Task<DemoTenantSession> StartAsync(
        TimeProvider time, TenantFixture fixture, string tenant, IReadOnlyList<Integration>? register, string? outboxDirectory, CancellationToken cancellationToken)
    {
        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions { ClientSecret = secret, OutboxDirectory = outboxDirectory, Time = time, TimeScale = TimeScale }, cancellationToken);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var credential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport);
        return new DemoTenantSession(host, new TenantConnection(host.TenantId, endpoints, credential, transport), tenant, register)
        {
            PreviousReview = fixture.PreviousReview,
        };
    }

    /// <summary>Mail the simulator accepted during this session.</summary>
    public IReadOnlyList<string> SentMail => host.SentMail.Messages;

    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary>The simulator's audit query succeeds on the second poll; polling every 15 s would make the demo wait for nothing.</summary>
    public CollectionOptions Tune(CollectionOptions options) =>
        options with
        {
            AuditPollInterval = TimeSpan.FromMilliseconds(200),
            Pacing = SourcePacing.Microsoft.Scale(TimeScale),
            // The simulated tenant also streams sign-ins to Log Analytics, which keeps them beyond Graph's 30 days.
            SignInWorkspace = new LogAnalyticsWorkspace(DemoWorkspaceId),
        };

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
