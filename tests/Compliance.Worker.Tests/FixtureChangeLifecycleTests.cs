using System.Text.Json.Nodes;

namespace Compliance.Worker.Tests;

/// <summary>Issue 5: a second demo run with one fixture change shows the right new / resolved / persisting statuses.</summary>
public class FixtureChangeLifecycleTests
{
    private static string DemoFixturePath()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Compliance.sln")))
        {
            directory = directory.Parent;
        }

        return Path.Combine(directory!.FullName, "src", "Compliance.TenantSimulator", "Fixtures", "demo", "tenant.json");
    }

    [Fact]
    public async Task Removing_a_grant_resolves_its_finding_and_adding_an_expired_secret_is_new()
    {
        using var workspace = new TestWorkspace { Clock = PlantedMonthClock.Create() };
        var fixture = JsonNode.Parse(await File.ReadAllTextAsync(DemoFixturePath()))!.AsObject();
        var fixturePath = Path.Combine(workspace.Folder, "tenant.json");
        await File.WriteAllTextAsync(fixturePath, fixture.ToJsonString());
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo", "--fixture", fixturePath)).ExitCode);

        // The change: Woodgrove loses its Graph Mail.Send grant; Adatum gets an expired secret left behind.
        var apps = fixture["apps"]!.AsArray();
        var woodgrove = apps.Single(a => (string?)a!["appId"] == "11111111-1111-4111-8111-000000000005")!.AsObject();
        woodgrove["grants"] = new JsonArray();
        var adatum = apps.Single(a => (string?)a!["appId"] == "11111111-1111-4111-8111-000000000006")!.AsObject();
        adatum["credentials"]!.AsArray().Add(new JsonObject
        {
            ["keyId"] = "c0000000-0000-4000-8000-000000000699", ["type"] = "secret", ["on"] = "application",
            ["displayName"] = "forgotten", ["start"] = "now-200d", ["end"] = "now-20d",
        });
        await File.WriteAllTextAsync(fixturePath, fixture.ToJsonString());
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo", "--fixture", fixturePath)).ExitCode);

        using var findings = await WaiverCommandTests.ReadFindings(workspace);
        Assert.Null(WaiverCommandTests.StatusOf(findings, "SCOPE-002", "11111111-1111-4111-8111-000000000005"));
        Assert.Contains(findings.RootElement.GetProperty("resolved").EnumerateArray(),
            r => r.GetProperty("ruleId").GetString() == "SCOPE-002" && r.GetProperty("resourceId").GetString() == "11111111-1111-4111-8111-000000000005");
        Assert.Equal("new", WaiverCommandTests.StatusOf(findings, "CRED-003", "11111111-1111-4111-8111-000000000006", "c0000000-0000-4000-8000-000000000699"));
        Assert.Equal("persisting", WaiverCommandTests.StatusOf(findings, "SCOPE-002", "11111111-1111-4111-8111-000000000003"));
    }
}
