using Compliance.Collectors;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// The simulator in its own process reached like a configured tenant: Custom cloud endpoints at its base URI, the
/// client secret credential, and the same pinned-certificate transport the demo uses for its self-signed certificate.
/// The register comes from appsettings (the simulator's exported register.json), as for a real tenant.
/// </summary>
internal sealed class ExternalTenant(string tenant, SimulatorProcess simulator) : ITenantSession
{
    public string Tenant { get; } = tenant;

    public TenantConnection Connection { get; } = Connect(simulator);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static TenantConnection Connect(SimulatorProcess simulator)
    {
        var endpoints = CloudEndpoints.ForSimulator(simulator.BaseUri);
        var transport = PinnedCertificate.Handler(simulator.CertificateSha256);
        var credential = TenantCredentials.ClientSecret(simulator.TenantId, simulator.ClientId, simulator.ClientSecret, endpoints, transport);
        return new TenantConnection(simulator.TenantId, endpoints, credential, transport);
    }
}
