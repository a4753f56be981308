using System.Text.Json;
using Compliance.Rules.Evidence;

namespace Compliance.Reports.Tests;

public class FindingsJsonWriterTests
{
    private static async Task<JsonDocument> RenderAsync()
    {
        using var stream = new MemoryStream();
        await new FindingsJsonWriter().WriteAsync(SampleReview.Create(), stream, CancellationToken.None);
        return JsonDocument.Parse(stream.ToArray());
    }

    [Fact]
    public async Task Top_level_and_run_follow_the_contract()
    {
        using var json = await RenderAsync();
        var root = json.RootElement;

        Assert.Equal(["schemaVersion", "asOf", "run", "sources", "controls", "findings", "resolved", "waivers"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(1, root.GetProperty("schemaVersion").GetInt32());
        Assert.Equal("2026-12-01T05:00:00+00:00", root.GetProperty("asOf").GetString());

        var run = root.GetProperty("run");
        Assert.Equal(["id", "tenant", "tenantId", "period", "startedAt", "completedAt", "status"], run.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11", run.GetProperty("period").GetString());
        Assert.Equal("partial", run.GetProperty("status").GetString());
        Assert.Equal("2026-12-01T05:07:00+00:00", run.GetProperty("completedAt").GetString());
    }

    [Fact]
    public async Task Sources_controls_and_findings_use_contract_names_and_spellings()
    {
        using var json = await RenderAsync();
        var root = json.RootElement;

        var source = root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == SampleReview.MissingSource);
        Assert.Equal(["name", "status", "reason", "records", "requests", "durationMs", "pages", "retries", "throttled", "resyncs"], source.EnumerateObject().Select(p => p.Name));
        Assert.Equal("notCollected", source.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("sources")[0].GetProperty("reason").ValueKind);
        Assert.Equal("collected", root.GetProperty("sources")[0].GetProperty("status").GetString());
        var grants = root.GetProperty("sources").EnumerateArray().Single(s => s.GetProperty("name").GetString() == EvidenceSources.AppRoleGrants);
        Assert.Equal((4, 2, 2, 1), (grants.GetProperty("requests").GetInt32(), grants.GetProperty("pages").GetInt32(),
            grants.GetProperty("retries").GetInt32(), grants.GetProperty("throttled").GetInt32()));
        Assert.Equal(
            [(EvidenceSources.ServicePrincipals, 1)],
            root.GetProperty("sources").EnumerateArray().Select(s => (s.GetProperty("name").GetString(), s.GetProperty("resyncs").GetInt32())).Where(s => s.Item2 != 0));

        var controls = root.GetProperty("controls").EnumerateArray().ToList();
        Assert.Equal(["id", "title", "severity", "outcome", "population", "failures", "reason"], controls[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["fail", "pass", "notEvaluated"], controls.Select(c => c.GetProperty("outcome").GetString()));
        Assert.Equal(["critical", "high", "medium"], controls.Select(c => c.GetProperty("severity").GetString()));

        var findings = root.GetProperty("findings").EnumerateArray().ToList();
        Assert.Equal(SampleReview.BulkFindings + 2, findings.Count);
        Assert.Equal(
            ["fingerprint", "ruleId", "severity", "status", "resourceType", "resourceId", "resourceName", "integration", "detail", "remediation", "evidence", "qualifier"],
            findings[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal("SCOPE-002", findings[0].GetProperty("ruleId").GetString());
        Assert.Equal(JsonValueKind.Array, findings[0].GetProperty("evidence").ValueKind);
        Assert.Equal(JsonValueKind.Null, findings[0].GetProperty("integration").ValueKind);
        Assert.Equal(SampleReview.Create().Evaluation.Findings[0].Finding.Fingerprint, findings[0].GetProperty("fingerprint").GetString());
        Assert.Equal(
            new[] { "critical", "high", "low", "medium" },
            findings.Select(f => f.GetProperty("severity").GetString()!).Distinct().Order(StringComparer.Ordinal));
        Assert.Equal(
            new[] { "new", "persisting", "reopened", "waived" },
            findings.Select(f => f.GetProperty("status").GetString()!).Distinct().Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Resolved_and_waivers_are_additive_arrays()
    {
        using var json = await RenderAsync();
        var root = json.RootElement;
        var review = SampleReview.Create();

        var resolved = root.GetProperty("resolved").EnumerateArray().Single();
        Assert.Equal(["fingerprint", "ruleId", "severity", "resourceType", "resourceId", "resourceName", "integration", "qualifier"],
            resolved.EnumerateObject().Select(p => p.Name));
        Assert.Equal(review.ResolvedFindings[0].Fingerprint, resolved.GetProperty("fingerprint").GetString());
        Assert.Equal(SampleReview.ResolvedResource, resolved.GetProperty("resourceName").GetString());

        var waivers = root.GetProperty("waivers").EnumerateArray().ToList();
        Assert.Equal(["active", "expiring", "expired"], waivers.Select(w => w.GetProperty("state").GetString()));
        Assert.Equal(["id", "ruleId", "resourceId", "fingerprint", "state", "reason", "approver", "ticket", "createdAt", "until"],
            waivers[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(JsonValueKind.Null, waivers[1].GetProperty("ticket").ValueKind);
    }
}
