namespace Compliance.Reports.Facts;

/// <summary>Sign-ins of one app over the window: health figures and, per credential key id, the last use.</summary>
internal sealed class AppSignInStats
{
    public long Total { get; set; }
    public long Failures { get; set; }
    public DateTimeOffset? First { get; set; }
    public DateTimeOffset? Last { get; set; }
    public HashSet<string> IpAddresses { get; } = new(StringComparer.Ordinal);
    public Dictionary<int, (long Count, string? Reason)> FailureCodes { get; } = [];
    public Dictionary<string, DateTimeOffset> LastUsedByKeyId { get; } = new(StringComparer.OrdinalIgnoreCase);

    public double FailureRate => Total == 0 ? 0 : (double)Failures / Total;
}
