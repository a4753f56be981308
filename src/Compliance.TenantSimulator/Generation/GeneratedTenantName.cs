using System.Globalization;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// The name a review of a generated tenant runs under (its reports folder, findings' tenant resource): scale and seed,
/// e.g. generated-small-3. The generator needs it too, for the one expected finding that names the tenant (GOV-003).
/// </summary>
public static class GeneratedTenantName
{
    public static string Of(TenantScale scale, int seed) =>
        $"generated-{scale.ToString().ToLowerInvariant()}-{seed.ToString(CultureInfo.InvariantCulture)}";
}
