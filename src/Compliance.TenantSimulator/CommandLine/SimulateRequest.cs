using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.CommandLine;

/// <summary>What `simulate` was asked to serve: a fixture file, a generated scale, or (neither) the demo tenant.</summary>
public sealed record SimulateRequest(Uri Urls, string? TenantFile, TenantScale? Scale, int Seed, FaultProfile Faults, string? ExportDirectory)
{
    /// <summary>Microsoft's documented limits (429 + Retry-After); off only for unpaced benchmark runs.</summary>
    public bool Throttling { get; init; } = true;

    /// <summary>Multiplies a generated tenant's background sign-ins and message-trace rows (`--activity-scale`); 1 keeps them.</summary>
    public double ActivityScale { get; init; } = 1.0;

    /// <summary>
    /// Why an activity scale cannot be served, or null: it must be above 0 and needs a generated tenant (<paramref name="given"/>:
    /// written on the command line, even as 1).
    /// </summary>
    public static string? RefuseActivityScale(TenantScale? scale, double factor, bool given) =>
        scale is { } generated ? ScaleProfile.Of(generated).RefuseActivity(factor)
        : given || factor != 1.0 ? "--activity-scale multiplies a generated tenant's background activity: it needs --scale small|large."
        : null;
}
