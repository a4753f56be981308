using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>
/// Sign-ins per day (UTC), app and error code, in that order, produced one group at a time. The sign-ins are put in
/// order through an array of their positions (4 bytes a sign-in) and each group is counted as it is read, with one
/// set of IP addresses reused: a dictionary of every group, each with its own set, held 875,000 sets for the large
/// tenant (100,000 apps × 30 days), most of them for a single sign-in.
/// </summary>
internal sealed class SignInDays
{
    private readonly IReadOnlyList<ServicePrincipalSignIn> _signIns;
    private readonly int[] _order;

    public SignInDays(IReadOnlyList<ServicePrincipalSignIn> signIns)
    {
        _signIns = signIns;
        _order = new int[signIns.Count];
        for (var i = 0; i < signIns.Count; i++)
        {
            _order[i] = i;
        }

        // The position breaks ties, so within a group the sign-ins keep their collected order (the first failure
        // reason given is the one shown, as before).
        Array.Sort(_order, (a, b) =>
        {
            var x = signIns[a];
            var y = signIns[b];
            var byDay = DayOf(x).CompareTo(DayOf(y));
            var byApp = byDay != 0 ? byDay : string.CompareOrdinal(x.AppId, y.AppId);
            var byCode = byApp != 0 ? byApp : x.ErrorCode.CompareTo(y.ErrorCode);
            return byCode != 0 ? byCode : a.CompareTo(b);
        });
        for (var i = 0; i < _order.Length; i++)
        {
            if (i == 0 || !SameGroup(signIns[_order[i - 1]], signIns[_order[i]]))
            {
                Count++;
            }
        }
    }

    /// <summary>How many groups <see cref="Groups"/> produces.</summary>
    public int Count { get; }

    public IEnumerable<SignInDay> Groups()
    {
        var ips = new HashSet<string>(StringComparer.Ordinal);
        var start = 0;
        while (start < _order.Length)
        {
            var first = _signIns[_order[start]];
            string? reason = null;
            ips.Clear();
            var end = start;
            for (; end < _order.Length && SameGroup(first, _signIns[_order[end]]); end++)
            {
                var s = _signIns[_order[end]];
                reason ??= s.FailureReason;
                if (s.IpAddress is { } ip)
                {
                    ips.Add(ip);
                }
            }

            yield return new SignInDay(first.CreatedDateTime.UtcDateTime.Date, first.AppId, first.ErrorCode, reason, end - start, ips.Count);
            start = end;
        }
    }

    /// <summary>Days since 0001-01-01 UTC: the same day as CreatedDateTime.UtcDateTime.Date, without building dates.</summary>
    private static long DayOf(ServicePrincipalSignIn s) => s.CreatedDateTime.UtcTicks / TimeSpan.TicksPerDay;

    private static bool SameGroup(ServicePrincipalSignIn x, ServicePrincipalSignIn y) =>
        DayOf(x) == DayOf(y) && string.Equals(x.AppId, y.AppId, StringComparison.Ordinal) && x.ErrorCode == y.ErrorCode;
}

/// <summary>One row of the daily sign-in sheet: the sign-ins of one app on one day with one error code.</summary>
internal sealed record SignInDay(DateTime Day, string AppId, int ErrorCode, string? FailureReason, long SignIns, int DistinctIps);
