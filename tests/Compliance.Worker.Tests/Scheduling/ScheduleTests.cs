using Compliance.Worker.Configuration;
using Compliance.Worker.Jobs;
using Compliance.Worker.Scheduling;

namespace Compliance.Worker.Tests.Scheduling;

/// <summary>The shipped schedules, the loader's refusals (exit 2 naming the file) and the window taken from the scheduled fire time.</summary>
public class ScheduleTests
{
    private static string Shipped => Path.Combine(AppContext.BaseDirectory, "schedules");

    [Fact]
    public void Shipped_schedules_merge_from_their_files_into_every_job_and_trigger()
    {
        var set = ScheduleLoader.Load(Shipped, new ComplianceSettings());
        Assert.Equal(
            ["daily-collect-and-alert", "monthly-review", "retention-purge", "weekly-credential-expiry"],
            set.Jobs.Select(j => j.Name).Order(StringComparer.Ordinal));
        Assert.Equal(4, set.Triggers.Count);
        Assert.Equal(typeof(MonthlyReviewJob), set.Jobs.Single(j => j.Name == "monthly-review").JobType);
    }

    [Fact]
    public void Monthly_review_fires_on_the_first_at_six_in_the_tenants_time_zone()
    {
        using var folder = new TempFolder();
        File.WriteAllText(Path.Combine(folder.Path, "monthly-review.json"),
            File.ReadAllText(Path.Combine(Shipped, "monthly-review.json")).Replace("\"tenant\": \"demo\"", "\"tenant\": \"contoso\"", StringComparison.Ordinal));
        var settings = new ComplianceSettings();
        settings.Tenants["contoso"] = new TenantSettings { TimeZone = "Europe/Berlin" };

        var trigger = Assert.Single(ScheduleLoader.Load(folder.Path, settings).Triggers);
        var next = trigger.NextFireTimes(new DateTimeOffset(2026, 11, 29, 12, 0, 0, TimeSpan.Zero), 3);
        // 06:00 in Berlin is 05:00Z in winter (CET, UTC+1).
        Assert.Equal(
            [new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 1, 1, 5, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 2, 1, 5, 0, 0, TimeSpan.Zero)],
            next);
    }

    [Fact]
    public void A_misfired_monthly_run_reviews_the_month_its_scheduled_fire_time_belongs_to()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Scheduled for 1 Dec 06:00 Berlin; whenever it actually runs, it reviews November.
        Assert.Equal("2026-11", JobRuntime.Period(new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero), berlin, -1));
        // 31 Dec 23:30Z is already 1 Jan in Berlin: the daily window is January there, December in UTC.
        Assert.Equal("2027-01", JobRuntime.Period(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), berlin, 0));
        Assert.Equal("2026-12", JobRuntime.Period(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero), TimeZoneInfo.Utc, 0));
    }

    [Fact]
    public async Task A_bad_cron_expression_stops_the_worker_with_exit_2_naming_the_file_and_key()
    {
        using var workspace = new TestWorkspace();
        var folder = Path.Combine(workspace.Folder, "schedules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "broken.json"),
            File.ReadAllText(Path.Combine(Shipped, "daily-collect-and-alert.json")).Replace("0 0 5 * * ?", "0 0 25 * * ?", StringComparison.Ordinal));

        var (exit, _, error) = await workspace.RunAsync("worker", "--schedules", folder);
        Assert.Equal(2, exit);
        Assert.Contains("broken.json: Quartz:Schedule:Triggers:daily-collect-and-alert-cron:Cron:Expression: '0 0 25 * * ?'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_job_type_or_an_array_of_jobs_stops_start_up_naming_the_file()
    {
        using var workspace = new TestWorkspace();
        var folder = Path.Combine(workspace.Folder, "schedules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "a-unknown.json"),
            File.ReadAllText(Path.Combine(Shipped, "monthly-review.json")).Replace("MonthlyReviewJob", "NoSuchJob", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(folder, "b-array.json"), """{ "Quartz": { "Schedule": { "Jobs": [ { "Name": "x" } ] } } }""");

        var (exit, _, error) = await workspace.RunAsync("schedule", "list", "--schedules", folder);
        Assert.Equal(2, exit);
        Assert.Contains("a-unknown.json: Quartz:Schedule:Jobs:monthly-review:JobType: unknown job type 'Compliance.Worker.Jobs.NoSuchJob, compliance'", error, StringComparison.Ordinal);
        Assert.Contains("b-array.json: Quartz:Schedule:Jobs: must be an object keyed by name", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schedule_list_shows_each_job_its_trigger_and_three_fire_times()
    {
        using var workspace = new TestWorkspace();
        var (exit, output, error) = await workspace.RunAsync("schedule", "list", "--schedules", Shipped);
        Assert.True(exit == 0, error);
        foreach (var job in new[] { "daily-collect-and-alert", "monthly-review", "weekly-credential-expiry", "retention-purge" })
        {
            var block = output[output.IndexOf($".{job}  (", StringComparison.Ordinal)..];
            var lines = block.Split('\n').Skip(1).TakeWhile(l => l.Length > 0 && l.StartsWith(' ')).ToList();
            Assert.StartsWith("  trigger ", lines[0], StringComparison.Ordinal);
            Assert.Equal(3, lines.Count(l => l.TrimStart().StartsWith("next ", StringComparison.Ordinal)));
        }
    }
}
