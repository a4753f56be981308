namespace Compliance.Rules.Engine;

/// <summary>
/// What earlier runs of the tenant knew: fingerprints open in the previous run and every fingerprint
/// ever reported. Supplied by the store; empty for a tenant's first run.
/// </summary>
public sealed record FindingHistory(IReadOnlySet<string> OpenInPreviousRun, IReadOnlySet<string> EverSeen)
{
    public static FindingHistory None { get; } = new(new HashSet<string>(), new HashSet<string>());

    public FindingStatus StatusOf(Finding finding)
    {
        var fingerprint = finding.Fingerprint;
        if (OpenInPreviousRun.Contains(fingerprint))
        {
            return FindingStatus.Persisting;
        }

        return EverSeen.Contains(fingerprint) ? FindingStatus.Reopened : FindingStatus.New;
    }
}
