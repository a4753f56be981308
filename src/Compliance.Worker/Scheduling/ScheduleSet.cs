namespace Compliance.Worker.Scheduling;

/// <summary>Every job and trigger of the schedules folder, merged across files.</summary>
public sealed record ScheduleSet(string Folder, IReadOnlyList<ScheduledJob> Jobs, IReadOnlyList<ScheduledTrigger> Triggers);
