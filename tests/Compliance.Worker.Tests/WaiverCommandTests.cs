using System.Text.Json;

namespace Compliance.Worker.Tests;

public class WaiverCommandTests
{
    private const string Woodgrove = "11111111-1111-4111-8111-000000000005";

    private static string FutureDay(int days) =>
        DateTimeOffset.UtcNow.AddDays(days).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Unknown_rule_or_past_date_is_refused_with_a_clear_message()
    {
        using var workspace = new TestWorkspace();
        var unknown = await workspace.RunAsync("exceptions", "add", "--rule", "SCOPE-999", "--resource", Woodgrove, "--reason", "r",
            "--approver", "ciso@contoso-demo.example", "--until", FutureDay(10));
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--rule: 'SCOPE-999' is not a control", unknown.Error, StringComparison.Ordinal);

        var past = await workspace.RunAsync("exceptions", "add", "--rule", "SCOPE-002", "--resource", Woodgrove, "--reason", "r",
            "--approver", "ciso@contoso-demo.example", "--until", "2020-01-31");
        Assert.Equal(2, past.ExitCode);
        Assert.Contains("--until: 2020-01-31 is in the past", past.Error, StringComparison.Ordinal);

        var approver = await workspace.RunAsync("exceptions", "add", "--rule", "SCOPE-002", "--resource", Woodgrove, "--reason", "r",
            "--approver", "the ciso", "--until", FutureDay(10));
        Assert.Equal(2, approver.ExitCode);
    }

    [Fact]
    public async Task Waiver_turns_the_finding_waived_in_the_review_and_revoking_brings_it_back()
    {
        using var workspace = new TestWorkspace();
        var add = await workspace.RunAsync("exceptions", "add", "--rule", "SCOPE-002", "--resource", Woodgrove, "--reason", "decommissioning in January",
            "--approver", "ciso@contoso-demo.example", "--until", FutureDay(10), "--ticket", "RISK-42");
        Assert.True(add.ExitCode == 0, add.Error);
        var id = add.Out.Split(' ', 3)[1].TrimEnd(':');

        var list = await workspace.RunAsync("exceptions", "list");
        Assert.Contains(id, list.Out, StringComparison.Ordinal);
        Assert.Contains("active", list.Out, StringComparison.Ordinal);

        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        var findings = await ReadFindings(workspace);
        Assert.Equal("waived", StatusOf(findings, "SCOPE-002", Woodgrove));
        // Unwaived findings keep their lifecycle against the demo's attested previous review: Northwind's Entra grant was
        // already there, its Mail.ReadWrite was granted since.
        Assert.Equal("persisting", StatusOf(findings, "SCOPE-002", "11111111-1111-4111-8111-000000000003"));
        Assert.Equal("new", StatusOf(findings, "PERM-001", "11111111-1111-4111-8111-000000000003"));
        Assert.Contains(findings.RootElement.GetProperty("waivers").EnumerateArray(), w => w.GetProperty("id").GetString() == id);

        Assert.Equal(0, (await workspace.RunAsync("exceptions", "revoke", id)).ExitCode);
        Assert.Equal(2, (await workspace.RunAsync("exceptions", "revoke", id)).ExitCode);
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        Assert.Equal("persisting", StatusOf(await ReadFindings(workspace), "SCOPE-002", Woodgrove));
    }

    internal static async Task<JsonDocument> ReadFindings(TestWorkspace workspace)
    {
        var period = workspace.Clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workspace.ReportsRoot, "demo", period, "findings.json")));
    }

    internal static string? StatusOf(JsonDocument findings, string ruleId, string resourceId, string? qualifier = null) =>
        findings.RootElement.GetProperty("findings").EnumerateArray()
            .Where(f => f.GetProperty("ruleId").GetString() == ruleId && f.GetProperty("resourceId").GetString() == resourceId
                        && (qualifier is null || f.GetProperty("qualifier").GetString() == qualifier))
            .Select(f => f.GetProperty("status").GetString())
            .SingleOrDefault();
}
