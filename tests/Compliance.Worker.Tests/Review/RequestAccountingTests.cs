using System.Text.Json;
using Compliance.TenantSimulator.Hosting;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Review;

/// <summary>
/// Issue 4 requirement 7: each source's requests, pages, records, retries and 429s reach findings.json "sources",
/// and they tell a fault-free run from one that fought 503/504s or throttling.
/// </summary>
public class RequestAccountingTests
{
    private static async Task<List<JsonElement>> ReviewSourcesAsync(FaultedSimulatorSession session)
    {
        using var workspace = new TestWorkspace();
        await File.WriteAllTextAsync(workspace.ConfigPath, workspace.Settings.ToJsonString());
        return await ReviewedSources.ReadAsync(SettingsLoader.Load(workspace.ConfigPath), session, new ReviewRequest("demo", true, null, null));
    }

    private static int Count(JsonElement source, string name) => source.GetProperty(name).GetInt32();

    [Fact]
    public async Task A_fault_free_review_reports_its_pages_and_no_retries_or_429s()
    {
        await using var session = await FaultedSimulatorSession.StartAsync(FaultProfile.None);
        var sources = await ReviewSourcesAsync(session);

        Assert.All(sources, s => Assert.Equal((0, 0), (Count(s, "retries"), Count(s, "throttled"))));
        var applications = sources.Single(s => s.GetProperty("name").GetString() == "applications");
        Assert.True(Count(applications, "pages") >= 1);
        Assert.Equal(Count(applications, "requests"), Count(applications, "pages"));
    }

    [Fact]
    public async Task Under_the_transient_profile_the_retries_of_503_and_504_are_counted()
    {
        await using var session = await FaultedSimulatorSession.StartAsync(FaultProfile.Transient);
        var sources = await ReviewSourcesAsync(session);

        Assert.All(sources, s => Assert.Equal("collected", s.GetProperty("status").GetString()));
        var retried = sources.Where(s => Count(s, "retries") > 0).ToList();
        Assert.NotEmpty(retried);
        // Every retry is one more request than the pages it produced.
        Assert.All(retried, s => Assert.True(Count(s, "requests") >= Count(s, "pages") + Count(s, "retries")));
        Assert.Equal(
            session.Host.Requests.Entries.Count(e => e.Status is 503 or 504),
            sources.Sum(s => Count(s, "retries")));
    }

    [Fact]
    public async Task Sign_ins_paced_above_the_limit_count_their_429s()
    {
        // 11 pages of 40 sign-ins sent back to back against the limit of 5 requests per 10 s scaled to 3 s: a page takes
        // about 0.2 s here, so the sixth request falls well inside the first window and is answered 429 + Retry-After.
        await using var session = await FaultedSimulatorSession.StartAsync(FaultProfile.None, unpacedSignIns: true, maxPageSize: 40, timeScale: 0.3);
        var sources = await ReviewSourcesAsync(session);

        var signIns = sources.Single(s => s.GetProperty("name").GetString() == "signIns");
        Assert.True(Count(signIns, "throttled") > 0);
        Assert.True(Count(signIns, "retries") >= Count(signIns, "throttled"));
        Assert.Equal(0, sources.Where(s => s.GetProperty("name").GetString() != "signIns").Sum(s => Count(s, "throttled")));
    }
}
