namespace Compliance.TenantSimulator;

/// <summary>One request the simulator answered. The token itself is never kept, only whether one was sent.</summary>
public sealed record RequestLogEntry(string Method, string PathAndQuery, bool HadBearerToken, int Status);
