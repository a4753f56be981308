using System.Text.Json.Nodes;

namespace Compliance.Worker.Tests;

/// <summary>
/// Bad input corpus (issue 8, drill 3): malformed appsettings and tenant fixtures. Every case must end in exit code 2
/// with one clear line naming what is wrong — never a crash (stack trace), never a silently accepted file.
/// </summary>
public class BadInputCorpusTests
{
    private static string SingleErrorLine(int exit, string error)
    {
        Assert.Equal(2, exit);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.DoesNotContain(" at Compliance.", line, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", line, StringComparison.Ordinal);
        return line;
    }

    private static async Task<string> ConfigErrorAsync(string configText)
    {
        using var workspace = new TestWorkspace();
        var (exit, output, error) = await workspace.RunWithConfigTextAsync(configText, "review", "--demo");
        Assert.Empty(output);
        Assert.False(Directory.Exists(workspace.ReportsRoot));
        return SingleErrorLine(exit, error);
    }

    private static async Task<string> SettingsErrorAsync(Action<JsonObject> corrupt)
    {
        using var workspace = new TestWorkspace();
        corrupt(workspace.Settings);
        var (exit, _, error) = await workspace.RunAsync("review", "--demo");
        Assert.False(Directory.Exists(workspace.ReportsRoot));
        return SingleErrorLine(exit, error);
    }

    [Fact]
    public async Task Appsettings_truncated_json() =>
        Assert.Contains("appsettings.json", await ConfigErrorAsync("{\"Policy\": {\"ExpiryWarningDays\": 30,"), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_empty_file() => await ConfigErrorAsync("");

    [Fact]
    public async Task Appsettings_array_instead_of_object() => await ConfigErrorAsync("[1, 2, 3]");

    [Fact]
    public async Task Appsettings_not_json_at_all() => await ConfigErrorAsync("Policy=strict\nStorage=here\n");

    [Fact]
    public async Task Appsettings_section_is_a_string_instead_of_an_object() =>
        Assert.Contains("Policy", await SettingsErrorAsync(s => s["Policy"] = "strict"), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_number_where_a_list_is_expected() =>
        Assert.Contains("Integrations", await SettingsErrorAsync(s => s["Integrations"]!["demo"]![0]!["ApprovedSenders"] = 42), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_unknown_top_level_section() =>
        Assert.Contains("Polcy", await SettingsErrorAsync(s => s["Polcy"] = new JsonObject()), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_unknown_key_in_a_register_entry() =>
        Assert.Contains("Ownr", await SettingsErrorAsync(s => s["Integrations"]!["demo"]![0]!["Ownr"] = "someone@example.com"), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_unknown_enum_value_for_expected_credential_type() =>
        Assert.Contains("ExpectedCredentialType", await SettingsErrorAsync(s => s["Integrations"]!["demo"]![0]!["ExpectedCredentialType"] = "Password"), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_boolean_where_a_number_is_expected() =>
        Assert.Contains("Policy:ExpiryWarningDays", await SettingsErrorAsync(s => s["Policy"]!["ExpiryWarningDays"] = true), StringComparison.Ordinal);

    [Fact]
    public async Task Appsettings_ten_megabyte_string_as_a_register_app_id()
    {
        var line = await SettingsErrorAsync(s => s["Integrations"]!["demo"]![0]!["AppId"] = new string('a', 10 * 1024 * 1024));
        Assert.True(line.Length < 2000, "the error line repeats the 10 MB value");
    }

    private static async Task<string> FixtureErrorAsync(string? fixtureText)
    {
        using var workspace = new TestWorkspace();
        var fixture = Path.Combine(workspace.Folder, "tenant.json");
        if (fixtureText is not null)
        {
            await File.WriteAllTextAsync(fixture, fixtureText);
        }

        var (exit, _, error) = await workspace.RunAsync("review", "--demo", "--fixture", fixture);
        var line = SingleErrorLine(exit, error);
        Assert.Contains("--fixture", line, StringComparison.Ordinal);
        return line;
    }

    [Fact]
    public async Task Fixture_file_missing() => Assert.Contains("not found", await FixtureErrorAsync(null), StringComparison.Ordinal);

    [Fact]
    public async Task Fixture_empty_file() => await FixtureErrorAsync("");

    [Fact]
    public async Task Fixture_truncated_json() => await FixtureErrorAsync("{\"tenant\": {\"id\": \"x\"");

    [Fact]
    public async Task Fixture_literal_null() => await FixtureErrorAsync("null");

    [Fact]
    public async Task Fixture_apps_is_a_string_instead_of_a_list() => await FixtureErrorAsync("{\"apps\": \"many\"}");

    [Fact]
    public async Task Fixture_unparseable_relative_date() =>
        await FixtureErrorAsync(FixtureWith(app => app["createdDateTime"] = "the day before yesterday-ish"));

    [Fact]
    public async Task Fixture_app_without_an_app_id() => await FixtureErrorAsync(FixtureWith(app => app.Remove("appId")));

    private static async Task<string> ScheduleErrorAsync(string fileText)
    {
        using var workspace = new TestWorkspace();
        var folder = Path.Combine(workspace.Folder, "schedules");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "bad.json"), fileText);
        var (exit, output, error) = await workspace.RunAsync("schedule", "list", "--schedules", folder);
        Assert.Empty(output);
        var line = SingleErrorLine(exit, error);
        Assert.Contains("bad.json", line, StringComparison.Ordinal);
        return line;
    }

    private static string ShippedScheduleWith(string find, string replace) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schedules", "monthly-review.json")).Replace(find, replace, StringComparison.Ordinal);

    [Fact]
    public async Task Schedule_truncated_json() => await ScheduleErrorAsync("{ \"Quartz\": { \"Schedule\": { \"Jobs\": {");

    [Fact]
    public async Task Schedule_empty_file() => await ScheduleErrorAsync("");

    [Fact]
    public async Task Schedule_unknown_time_zone() =>
        Assert.Contains("Mars/Olympus_Mons", await ScheduleErrorAsync(ShippedScheduleWith("\"TimeZone\": \"tenant\"", "\"TimeZone\": \"Mars/Olympus_Mons\"")), StringComparison.Ordinal);

    [Fact]
    public async Task Schedule_trigger_for_a_job_that_does_not_exist() =>
        Assert.Contains("no-such-job", await ScheduleErrorAsync(ShippedScheduleWith("\"JobName\": \"monthly-review\"", "\"JobName\": \"no-such-job\"")), StringComparison.Ordinal);

    [Fact]
    public async Task Schedule_cron_expression_is_a_number() =>
        await ScheduleErrorAsync(ShippedScheduleWith("\"Expression\": \"0 0 6 1 * ?\"", "\"Expression\": 42"));

    /// <summary>The demo fixture with its first app changed.</summary>
    private static string FixtureWith(Action<JsonObject> change)
    {
        var demo = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot(), "src/Compliance.TenantSimulator/Fixtures/demo/tenant.json")))!.AsObject();
        change(demo["apps"]!.AsArray()[0]!.AsObject());
        return demo.ToJsonString();
    }

    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Compliance.sln not found above the test binaries");
    }
}
