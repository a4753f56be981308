namespace Compliance.Worker.Review;

/// <summary>What `review` was asked to do.</summary>
public sealed record ReviewRequest(string? Tenant, bool Demo, string? Period, string? OutputRoot, string? Fixture = null);
