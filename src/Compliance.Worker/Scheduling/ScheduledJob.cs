namespace Compliance.Worker.Scheduling;

/// <summary>A job from schedules/*.json (Quartz:Schedule:Jobs:{key}), with the file it came from for error messages.</summary>
public sealed record ScheduledJob(string Key, string Name, string Group, Type JobType, IReadOnlyDictionary<string, string> Data, string File)
{
    public string? Tenant => Data.TryGetValue("tenant", out var t) ? t : null;
}
