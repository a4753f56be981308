namespace Compliance.Worker.Review;

/// <summary>What `review` was asked to do.</summary>
public sealed record ReviewRequest(string? Tenant, bool Demo, string? Period, string? OutputRoot, string? Fixture = null)
{
    /// <summary>With --demo: serve a generated tenant of this size instead of the built-in one.</summary>
    public Compliance.TenantSimulator.Generation.TenantScale? Scale { get; init; }

    public int Seed { get; init; } = 1;
}
