using System.Text.Json.Nodes;

namespace Compliance.Worker.Tests;

public class ConfigurationValidationTests
{
    private static string[] ErrorLines(string stderr) =>
        stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    [Fact]
    public async Task Negative_ExpiryWarningDays_exits_2_with_one_line_naming_the_key()
    {
        using var workspace = new TestWorkspace();
        workspace.Settings["Policy"]!["ExpiryWarningDays"] = -5;
        var (exit, output, error) = await workspace.RunAsync("review", "--demo");
        Assert.Equal(2, exit);
        var line = Assert.Single(ErrorLines(error));
        Assert.Contains("Policy:ExpiryWarningDays", line, StringComparison.Ordinal);
        Assert.Contains("was -5", line, StringComparison.Ordinal);
        Assert.Empty(output);
        Assert.False(Directory.Exists(workspace.ReportsRoot));
    }

    [Fact]
    public async Task Value_of_the_wrong_type_names_the_key()
    {
        using var workspace = new TestWorkspace();
        workspace.Settings["Policy"]!["SecretMaxAgeDays"] = "half a year";
        var (exit, _, error) = await workspace.RunAsync("review", "--demo");
        Assert.Equal(2, exit);
        Assert.Contains("Policy:SecretMaxAgeDays", Assert.Single(ErrorLines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Misspelt_key_is_refused_rather_than_silently_ignored()
    {
        using var workspace = new TestWorkspace();
        workspace.Settings["Policy"]!["ExpiryWarningDay"] = 10;
        var (exit, _, error) = await workspace.RunAsync("review", "--demo");
        Assert.Equal(2, exit);
        Assert.Contains("ExpiryWarningDay", Assert.Single(ErrorLines(error)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_entry_with_bad_app_id_and_bad_sender_names_the_entry()
    {
        using var workspace = new TestWorkspace();
        var entry = workspace.Settings["Integrations"]!["demo"]![1]!.AsObject();
        entry["AppId"] = "not-a-guid";
        entry["ApprovedSenders"] = new JsonArray("finance-notification-at-contoso");
        var (exit, _, error) = await workspace.RunAsync("review", "--demo");
        Assert.Equal(2, exit);
        var lines = ErrorLines(error);
        Assert.Equal(2, lines.Length);
        Assert.Contains(lines, l => l.Contains("Integrations:demo:1:AppId", StringComparison.Ordinal) && l.Contains("Finance notifications", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains("Integrations:demo:1:ApprovedSenders:0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Inline_secret_in_the_tenant_section_is_refused()
    {
        using var workspace = new TestWorkspace();
        workspace.Settings["Tenants"] = new JsonObject
        {
            ["contoso"] = new JsonObject
            {
                ["TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                ["Auth"] = new JsonObject { ["Mode"] = "Secret", ["ClientId"] = "11111111-1111-4111-8111-0000000000aa", ["ClientSecret"] = "p@ss" },
            },
        };
        var (exit, _, error) = await workspace.RunAsync("review", "--tenant", "contoso");
        Assert.Equal(2, exit);
        Assert.DoesNotContain("p@ss", error, StringComparison.Ordinal);
        Assert.Contains("ClientSecret", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Future_period_is_an_argument_error()
    {
        using var workspace = new TestWorkspace();
        var (exit, _, error) = await workspace.RunAsync("review", "--demo", "--period", "2999-01");
        Assert.Equal(2, exit);
        Assert.Contains("--period", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_tenant_says_which_are_configured()
    {
        using var workspace = new TestWorkspace();
        var (exit, _, error) = await workspace.RunAsync("review", "--tenant", "fabrikam");
        Assert.Equal(2, exit);
        Assert.Contains("'fabrikam' is not in appsettings.json Tenants", error, StringComparison.Ordinal);
    }
}
