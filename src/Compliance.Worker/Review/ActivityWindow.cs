using Compliance.Collectors;
using Compliance.Rules.Evidence;

namespace Compliance.Worker.Review;

/// <summary>
/// How far back activity is read, and how far back each activity source can really reach. Period controls count from
/// the month's start, but MBX-004/SIGN-002 look back 90 days and SEND-003 needs a trailing baseline before the month,
/// so the collected window reaches 90 days back — message trace's own limit (m365-apis.md §2.1).
/// </summary>
public static class ActivityWindow
{
    /// <summary>
    /// 89, not 90: the service checks its 90-day limit when each request arrives, later than the window was computed,
    /// so a window starting exactly 90 days back is refused at its oldest edge.
    /// </summary>
    private const int LookbackDays = 89;

    /// <summary>Graph keeps sign-in logs 30 days on Entra ID P1/P2 (m365-apis.md §1.2); older ones need Log Analytics.</summary>
    private const int GraphSignInRetentionDays = 30;

    public static ReviewWindow For(string period, DateTimeOffset now)
    {
        var month = ReviewWindow.ForPeriod(period, now);
        var lookback = month.End.AddDays(-LookbackDays);
        return month with { Start = lookback < month.Start ? lookback : month.Start };
    }

    /// <summary>
    /// Records where an activity source's data can begin, so that absence is only read as "none" where logs exist. A Log
    /// Analytics workspace's coverage was measured by the collector (where its rows begin) and is kept as measured.
    /// </summary>
    public static SourceResult WithCoverage(SourceResult source, ReviewWindow? window, DateTimeOffset asOf, bool signInsFromLogAnalytics)
    {
        if (window is null || source.State == SourceState.NotCollected)
        {
            return source;
        }

        return source.Name switch
        {
            EvidenceSources.SignIns when signInsFromLogAnalytics => source,
            EvidenceSources.SignIns => source with { CoverageStart = Later(window.Start, asOf.AddDays(-GraphSignInRetentionDays)) },
            EvidenceSources.MessageTrace or EvidenceSources.MailboxAudit => source with { CoverageStart = window.Start },
            _ => source,
        };
    }

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
