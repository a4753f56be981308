using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Review;

/// <summary>
/// findings.json "sources[].resyncs" (additive): a source that could not use its stored state and read in full says so.
/// The demo tenant here refuses the sign-in activity report's $orderby, so the second review on the same database reads
/// that report in full instead of incrementally: one resync there, none anywhere else, and the source still collected.
/// </summary>
public class ResyncAccountingTests
{
    [Fact]
    public async Task A_second_review_whose_incremental_read_is_refused_reports_one_resync_in_findings_json()
    {
        using var workspace = new TestWorkspace();
        await File.WriteAllTextAsync(workspace.ConfigPath, workspace.Settings.ToJsonString());
        var settings = SettingsLoader.Load(workspace.ConfigPath);
        var request = new ReviewRequest("demo", true, null, null, await RefusingFixtureAsync(workspace));

        var first = await ReviewSourcesAsync(settings, request);
        var second = await ReviewSourcesAsync(settings, request);

        Assert.All(first, s => Assert.Equal(0, s.GetProperty("resyncs").GetInt32()));
        Assert.Equal(
            [("signInActivity", 1, "collected")],
            second.Where(s => s.GetProperty("resyncs").GetInt32() != 0)
                .Select(s => (s.GetProperty("name").GetString(), s.GetProperty("resyncs").GetInt32(), s.GetProperty("status").GetString())));
    }

    private static async Task<List<JsonElement>> ReviewSourcesAsync(ComplianceSettings settings, ReviewRequest request)
    {
        await using var session = await ReviewPipeline.OpenSessionAsync(request, settings, TimeProvider.System, CancellationToken.None);
        return await ReviewedSources.ReadAsync(settings, session, request);
    }

    /// <summary>The demo fixture with "failures": { "signInActivityOrderByRefused": true } (docs/tenant-fixture.md), written to the workspace.</summary>
    private static async Task<string> RefusingFixtureAsync(TestWorkspace workspace)
    {
        await using var demo = typeof(TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        var json = (await JsonNode.ParseAsync(demo))!.AsObject();
        json["failures"] = new JsonObject { ["signInActivityOrderByRefused"] = true };
        var path = Path.Combine(workspace.Folder, "refusing-tenant.json");
        await File.WriteAllTextAsync(path, json.ToJsonString());
        return path;
    }
}
