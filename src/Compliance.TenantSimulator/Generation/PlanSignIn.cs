namespace Compliance.TenantSimulator.Generation;

/// <summary>One planted service-principal sign-in.</summary>
internal sealed record PlanSignIn(DateTimeOffset At, int ErrorCode, string ClientCredentialType, string? KeyId, string IpAddress);
