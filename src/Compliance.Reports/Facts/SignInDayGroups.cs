using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>
/// Counts the rows of the daily sign-in sheet — one per UTC day, app id (ordinal) and error code — from sign-ins fed
/// oldest first, holding one day's keys. <see cref="ActivityIndex"/> feeds it in the pass it makes anyway, so the
/// sheet, which must announce its row count before its first row, does not read every sign-in from the store twice.
/// </summary>
internal sealed class SignInDayGroups
{
    private readonly HashSet<(string AppId, int ErrorCode)> today = [];
    private long? day;
    private int before;

    /// <summary>How many (day, app, error code) groups the sign-ins added so far form.</summary>
    public int Count => before + today.Count;

    public void Add(ServicePrincipalSignIn signIn)
    {
        var of = DayOf(signIn, day);
        if (of != day)
        {
            before += today.Count;
            today.Clear();
            day = of;
        }

        today.Add((signIn.AppId, signIn.ErrorCode));
    }

    /// <summary>Days since 0001-01-01 UTC (CreatedDateTime.UtcDateTime.Date without building dates); refuses a sign-in older than <paramref name="current"/>.</summary>
    public static long DayOf(ServicePrincipalSignIn signIn, long? current)
    {
        var of = signIn.CreatedDateTime.UtcTicks / TimeSpan.TicksPerDay;
        return of >= (current ?? of) ? of
            : throw new InvalidOperationException($"sign-in {signIn.Id} is out of time order: the daily sign-in figures need the sign-ins oldest first");
    }
}
