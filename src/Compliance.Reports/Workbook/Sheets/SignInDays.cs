using Compliance.Reports.Facts;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Workbook.Sheets;

/// <summary>
/// Sign-ins per day (UTC), app and error code, in that order, produced one day at a time. The sign-ins come in time
/// order (ActivityRecords), possibly streamed from the store, so only the current day's groups are held: a million
/// sign-ins of 100,000 apps over 30 days is about 30,000 groups a day, most with a single IP address, which is kept
/// as one packed address until a second one arrives (the addresses are compared packed, never turned into strings). How many groups there are was counted in the activity figures' pass
/// (<see cref="SignInDayGroups"/>), which groups the same way.
/// </summary>
internal sealed class SignInDays(IEnumerable<ServicePrincipalSignIn> signIns)
{

    public IEnumerable<SignInDay> Groups()
    {
        var groups = new Dictionary<(string AppId, int ErrorCode), Group>();
        long? day = null;
        foreach (var s in signIns)
        {
            var today = SignInDayGroups.DayOf(s, day);
            if (today != day)
            {
                foreach (var row in Rows(groups))
                {
                    yield return row;
                }

                groups.Clear();
                day = today;
            }

            if (!groups.TryGetValue((s.AppId, s.ErrorCode), out var group))
            {
                groups[(s.AppId, s.ErrorCode)] = group = new Group(s.CreatedDateTime.UtcDateTime.Date);
            }

            group.Add(s);
        }

        foreach (var row in Rows(groups))
        {
            yield return row;
        }
    }

    private static List<SignInDay> Rows(Dictionary<(string AppId, int ErrorCode), Group> groups) => groups
        .OrderBy(g => g.Key.AppId, StringComparer.Ordinal).ThenBy(g => g.Key.ErrorCode)
        .Select(g => new SignInDay(g.Value.Day, g.Key.AppId, g.Key.ErrorCode, g.Value.Reason, g.Value.SignIns, g.Value.DistinctIps))
        .ToList();

    /// <summary>One app's sign-ins with one error code on one day; the first failure reason given is the one shown.</summary>
    private sealed class Group(DateTime day)
    {
        private IpText? onlyIp;
        private HashSet<IpText>? ips;

        public DateTime Day { get; } = day;

        public string? Reason { get; private set; }

        public long SignIns { get; private set; }

        public int DistinctIps => ips?.Count ?? (onlyIp is null ? 0 : 1);

        public void Add(ServicePrincipalSignIn s)
        {
            SignIns++;
            Reason ??= s.FailureReason;
            var ip = s.PackedIpAddress;
            if (ip == default || ip == onlyIp)
            {
                return;
            }

            if (onlyIp is not { } first)
            {
                onlyIp = ip;
                return;
            }

            (ips ??= [first]).Add(ip);
        }
    }
}

/// <summary>One row of the daily sign-in sheet: the sign-ins of one app on one day with one error code.</summary>
internal sealed record SignInDay(DateTime Day, string AppId, int ErrorCode, string? FailureReason, long SignIns, int DistinctIps);
