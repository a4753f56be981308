using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.CommandLine;

/// <summary>What `simulate` was asked to serve: a fixture file, a generated scale, or (neither) the demo tenant.</summary>
public sealed record SimulateRequest(Uri Urls, string? TenantFile, TenantScale? Scale, int Seed, FaultProfile Faults, string? ExportDirectory)
{
    /// <summary>Microsoft's documented limits (429 + Retry-After); off only for unpaced benchmark runs.</summary>
    public bool Throttling { get; init; } = true;
}
