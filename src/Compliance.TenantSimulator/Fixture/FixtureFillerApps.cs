namespace Compliance.TenantSimulator.Fixture;

/// <summary>Generated background apps so that every list needs several pages.</summary>
internal sealed class FixtureFillerApps
{
    public int Count { get; set; }
    public int Seed { get; set; }
    public string NamePrefix { get; set; } = "Line-of-business app";
    /// <summary>Every n-th filler holds User.Read.All or Group.Read.All (alternating); 0 = none.</summary>
    public int ReadRoleEvery { get; set; }
    /// <summary>Every n-th filler has one far-future secret; 0 = none.</summary>
    public int SecretEvery { get; set; }
}
