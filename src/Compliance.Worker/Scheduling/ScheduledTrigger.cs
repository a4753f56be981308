using Quartz;

namespace Compliance.Worker.Scheduling;

/// <summary>A cron trigger from schedules/*.json (Quartz:Schedule:Triggers:{key}), its time zone resolved.</summary>
public sealed record ScheduledTrigger(
    string Key, string Name, string Group, string JobName, string JobGroup, string Cron, TimeZoneInfo TimeZone,
    CronTriggerMisfireInstruction Misfire, string File)
{
    /// <summary>The next <paramref name="count"/> fire times strictly after <paramref name="after"/>.</summary>
    public IReadOnlyList<DateTimeOffset> NextFireTimes(DateTimeOffset after, int count)
    {
        var expression = new CronExpression(Cron, TimeZone);
        List<DateTimeOffset> times = [];
        var cursor = after;
        while (times.Count < count && expression.GetNextValidTimeAfter(cursor) is { } next)
        {
            times.Add(next);
            cursor = next;
        }

        return times;
    }
}
