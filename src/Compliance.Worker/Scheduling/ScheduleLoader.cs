using System.Text.Json;
using Compliance.Worker.Configuration;
using Compliance.Worker.Jobs;
using Quartz;

namespace Compliance.Worker.Scheduling;

/// <summary>
/// Reads schedules/*.json in Quartz's <c>Quartz:Schedule</c> shape with jobs and triggers as objects keyed by name, so
/// that files merge (arrays would collide by index: libraries-measured.md row 3e). Everything is validated before the
/// scheduler starts: an unknown job type, a bad cron expression or time zone, a trigger without its job, or a key
/// defined in two files stops start-up with a message naming the file and key (exit code 2).
/// A trigger's TimeZone may be "tenant": the time zone of the job's tenant (Tenants:{name}:TimeZone; UTC for the demo).
/// </summary>
public static class ScheduleLoader
{
    public const string TenantTimeZone = "tenant";

    public static string DefaultFolder => Path.Combine(AppContext.BaseDirectory, "schedules");

    public static ScheduleSet Load(string? folder, ComplianceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var root = Path.GetFullPath(folder ?? DefaultFolder);
        if (!Directory.Exists(root))
        {
            throw new ConfigurationException($"{root}: schedules folder not found");
        }

        List<string> problems = [];
        Dictionary<string, ScheduledJob> jobs = new(StringComparer.Ordinal);
        List<(JsonElement Trigger, string Key, string File)> triggers = [];
        Dictionary<string, string> triggerFiles = new(StringComparer.Ordinal);
        foreach (var path in Directory.GetFiles(root, "*.json").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException e)
            {
                problems.Add($"{file}: not valid JSON: {e.Message.Split('\n', 2)[0]}");
                continue;
            }

            using (document)
            {
                if (!document.RootElement.TryGetProperty("Quartz", out var quartz) || !quartz.TryGetProperty("Schedule", out var schedule))
                {
                    problems.Add($"{file}: expected {{ \"Quartz\": {{ \"Schedule\": {{ \"Jobs\": {{…}}, \"Triggers\": {{…}} }} }} }}");
                    continue;
                }

                foreach (var (key, job) in Keyed(schedule, "Jobs", file, problems))
                {
                    if (jobs.TryGetValue(key, out var existing))
                    {
                        problems.Add($"{file}: Quartz:Schedule:Jobs:{key}: already defined in {existing.File}");
                    }
                    else if (ParseJob(key, job, file, problems) is { } parsed)
                    {
                        jobs[key] = parsed;
                    }
                }

                foreach (var (key, trigger) in Keyed(schedule, "Triggers", file, problems))
                {
                    if (triggerFiles.TryGetValue(key, out var other))
                    {
                        problems.Add($"{file}: Quartz:Schedule:Triggers:{key}: already defined in {other}");
                        continue;
                    }

                    triggerFiles[key] = file;
                    triggers.Add((trigger.Clone(), key, file));
                }
            }
        }

        var parsedTriggers = triggers.Select(t => ParseTrigger(t.Key, t.Trigger, t.File, jobs, settings, problems)).OfType<ScheduledTrigger>().ToList();
        if (problems.Count > 0)
        {
            throw new ConfigurationException(problems.Select(p => $"{Path.Combine(root, p)}").ToList());
        }

        return new ScheduleSet(root, [.. jobs.Values], parsedTriggers);
    }

    private static IEnumerable<(string Key, JsonElement Value)> Keyed(JsonElement schedule, string section, string file, List<string> problems)
    {
        if (!schedule.TryGetProperty(section, out var items))
        {
            yield break;
        }

        if (items.ValueKind != JsonValueKind.Object)
        {
            // Arrays from several files collide by index in IConfiguration: only objects keyed by name merge.
            problems.Add($"{file}: Quartz:Schedule:{section}: must be an object keyed by name, not {items.ValueKind}");
            yield break;
        }

        foreach (var item in items.EnumerateObject())
        {
            yield return (item.Name, item.Value);
        }
    }

    private static ScheduledJob? ParseJob(string key, JsonElement job, string file, List<string> problems)
    {
        var at = $"{file}: Quartz:Schedule:Jobs:{key}";
        var typeName = Text(job, "JobType");
        var type = typeName is null ? null : Type.GetType(typeName, throwOnError: false);
        if (type is null || !typeof(IJob).IsAssignableFrom(type) || type.IsAbstract)
        {
            problems.Add($"{at}:JobType: unknown job type '{typeName}' (known: {string.Join(", ", JobTypes.Known.Select(t => $"{t.FullName}, {t.Assembly.GetName().Name}"))})");
            return null;
        }

        Dictionary<string, string> data = new(StringComparer.Ordinal);
        if (job.TryGetProperty("JobDataMap", out var map) && map.ValueKind == JsonValueKind.Object)
        {
            foreach (var entry in map.EnumerateObject())
            {
                data[entry.Name] = entry.Value.ValueKind == JsonValueKind.String ? entry.Value.GetString()! : entry.Value.GetRawText();
            }
        }

        return new ScheduledJob(key, Text(job, "Name") ?? key, Text(job, "Group") ?? "compliance", type, data, file);
    }

    private static ScheduledTrigger? ParseTrigger(
        string key, JsonElement trigger, string file, Dictionary<string, ScheduledJob> jobs, ComplianceSettings settings, List<string> problems)
    {
        var at = $"{file}: Quartz:Schedule:Triggers:{key}";
        var jobName = Text(trigger, "JobName");
        var job = jobs.Values.FirstOrDefault(j => j.Name == jobName && j.Group == (Text(trigger, "JobGroup") ?? j.Group));
        if (job is null)
        {
            problems.Add($"{at}:JobName: no job named '{jobName}' in any schedules file");
            return null;
        }

        if (!trigger.TryGetProperty("Cron", out var cron) || Text(cron, "Expression") is not { } expression)
        {
            problems.Add($"{at}:Cron:Expression: required (only cron triggers are supported)");
            return null;
        }

        try
        {
            _ = new CronExpression(expression);
        }
        catch (FormatException e)
        {
            problems.Add($"{at}:Cron:Expression: '{expression}' is not a valid Quartz cron expression: {e.Message}");
            return null;
        }

        var zoneName = Text(cron, "TimeZone") ?? "UTC";
        if (zoneName == TenantTimeZone)
        {
            zoneName = job.Tenant is { } tenant && settings.Tenants.TryGetValue(tenant, out var t) ? t.TimeZone : "UTC";
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(zoneName, out var zone))
        {
            problems.Add($"{at}:Cron:TimeZone: '{zoneName}' is not a known IANA time zone");
            return null;
        }

        var misfireName = Text(trigger, "MisfireInstruction") ?? nameof(CronTriggerMisfireInstruction.FireAndProceed);
        if (!Enum.TryParse<CronTriggerMisfireInstruction>(misfireName, out var misfire))
        {
            problems.Add($"{at}:MisfireInstruction: '{misfireName}' is not one of {string.Join(", ", Enum.GetNames<CronTriggerMisfireInstruction>())}");
            return null;
        }

        return new ScheduledTrigger(key, Text(trigger, "Name") ?? key, Text(trigger, "Group") ?? job.Group, job.Name, job.Group, expression, zone, misfire, file);
    }

    private static string? Text(JsonElement element, string property) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
