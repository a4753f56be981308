using System.Security.Cryptography;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.Collectors.Tests.Drills;

/// <summary>
/// The demo tenant under one fault profile, throttling off and every fault delay scaled to 1 %: the drills compare
/// what is collected, not how long it took, so the CI pays milliseconds for the 2 s "slow" profile.
/// </summary>
internal static class DrillTenant
{
    public static async Task<(CollectedEvidence Evidence, MemorySink Sink)> CollectAsync(FaultProfile faults, int seed = 1)
    {
        var fixture = TenantFixture.LoadDemo(RunningTenant.Anchor);
        var secret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        var options = new SimulatorOptions
        {
            ClientSecret = secret, MaxPageSize = RunningTenant.PageSize, Throttling = false, TimeScale = 0.01, Faults = faults, FaultSeed = seed,
        };
        await using var host = await SimulatorHost.StartAsync(fixture, options, CancellationToken.None);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var credential = TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport);
        var sink = new MemorySink();
        var collectionOptions = new CollectionOptions
        {
            Pacing = RunningTenant.Options.Pacing,
            SenderAddresses = RunningTenant.Options.SenderAddresses,
            AuditPollInterval = RunningTenant.Options.AuditPollInterval,
        };
        var evidence = await new EvidenceCollection(new TenantConnection(host.TenantId, endpoints, credential, transport), sink, TimeProvider.System,
            RunningTenant.Window, collectionOptions).CollectAsync(null, CancellationToken.None);
        return (evidence, sink);
    }
}
