using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>Sign-ins of one app over the window: health figures (the last use per credential is ActivityIndex.LastUsed).</summary>
internal sealed class AppSignInStats
{
    public long Total { get; set; }
    public long Failures { get; set; }
    public DateTimeOffset? First { get; set; }
    public DateTimeOffset? Last { get; set; }
    public HashSet<IpText> IpAddresses { get; } = [];
    public Dictionary<int, (long Count, string? Reason)> FailureCodes { get; } = [];

    public double FailureRate => Total == 0 ? 0 : (double)Failures / Total;
}
