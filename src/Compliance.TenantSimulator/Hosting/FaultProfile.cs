namespace Compliance.TenantSimulator.Hosting;

/// <summary>Named fault profiles (issue 3 item 4), selected per run with --faults NAME.</summary>
public enum FaultProfile
{
    None,
    /// <summary>About one API request in five answers 503 or 504 (with Retry-After: 1).</summary>
    Transient,
    /// <summary>About one API request in five sends half its body, then resets the connection.</summary>
    ConnectionReset,
    /// <summary>About one collection page in five is cut off mid-JSON with a 200.</summary>
    MalformedPage,
    /// <summary>Every token issued so far expires after the fifth API request: 401 until the client gets a new token.</summary>
    TokenExpiry,
    /// <summary>Every API request is delayed by 2 s (scaled by TimeScale).</summary>
    Slow,
    /// <summary>v1.0 audit search answers 404 (as a real tenant did, m365-apis.md §0.4).</summary>
    AuditV1Absent,
    /// <summary>Sign-in reports answer 403 Authorization_RequestDenied (AuditLog.Read.All missing).</summary>
    PermissionMissing,
}
