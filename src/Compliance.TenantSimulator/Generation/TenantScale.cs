namespace Compliance.TenantSimulator.Generation;

/// <summary>Size of a generated tenant (simulate --scale).</summary>
public enum TenantScale
{
    /// <summary>A few hundred service principals; every plantable defect at least once.</summary>
    Small,

    /// <summary>100,000 service principals, 50,000 mailboxes, 1,000,000 sign-ins and 500,000 message-trace rows a month.</summary>
    Large,
}
