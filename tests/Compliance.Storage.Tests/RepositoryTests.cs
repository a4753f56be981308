using System.Security.Cryptography;
using System.Text;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;

namespace Compliance.Storage.Tests;

public class RepositoryTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static RunInfo Run(string id) => new(id, "demo", "tid", "2026-11", AsOf, AsOf.AddMinutes(1), RunStatus.Completed);

    private static EvidenceSnapshot Evidence()
    {
        var sp = new ServicePrincipal("sp1", "app1", "Mailer", "Application", true,
            [new Credential("k2", CredentialType.Certificate, CredentialHolder.ServicePrincipal, null, null, AsOf.AddDays(5))]);
        var app = new AppRegistration("o1", "app1", "Mailer",
            [new Credential("k1", CredentialType.Secret, CredentialHolder.Application, "s", AsOf.AddDays(-10), AsOf.AddDays(10))]);
        var grant = new AppRoleGrant("g1", "sp1", "Mailer", "graph-sp", WellKnownIds.MicrosoftGraphAppId, "Microsoft Graph",
            WellKnownIds.GraphMailSendRoleId, "Mail.Send", AsOf.AddDays(-30));
        var integration = new Integration("Mailer", "app1", "V", "F", "o@x", "T", [], ExpectedCredentialType.Secret, []);
        var sources = new[]
        {
            EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies, EvidenceSources.Register,
        }.Select(n => new SourceResult(n, SourceState.Collected, null, 1, 1, 1)).ToList();
        return new EvidenceSnapshot("demo", AsOf, sources, [app], [sp], [grant], [], [integration]);
    }

    [Fact]
    public async Task Raw_pages_are_kept_compressed_and_come_back_byte_for_byte()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        await new RunRepository(database).StartAsync(Run("r1"), AsOf, CancellationToken.None);
        var body = Encoding.UTF8.GetBytes("{\"value\":[" + string.Join(',', Enumerable.Repeat("{\"id\":\"x\"}", 500)) + "]}");
        var sha = Convert.ToHexStringLower(SHA256.HashData(body));
        await using (var sink = new RawPageSink(database, "r1"))
        {
            await sink.WriteAsync(new RawPage("applications", 1, "GET", "https://graph/v1.0/applications", 200, sha, body, AsOf), CancellationToken.None);
        }

        var evidence = new EvidenceRepository(database);
        var page = Assert.Single(await evidence.PageHashesAsync("r1", CancellationToken.None));
        Assert.Equal(sha, page.Sha256);
        Assert.Equal(body.Length, page.Bytes);
        Assert.Equal(body, await evidence.PageBodyAsync("r1", "applications", 1, CancellationToken.None));
    }

    [Fact]
    public async Task History_reports_previous_open_findings_so_the_next_run_sees_them_persisting()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        var runs = new RunRepository(database);
        var findings = new FindingRepository(database);
        var evaluator = new Evaluator(RuleCatalog.All);

        await runs.StartAsync(Run("r1"), AsOf, CancellationToken.None);
        await new EvidenceRepository(database).SaveAsync("r1", Evidence(), CancellationToken.None);
        var first = evaluator.Evaluate(Evidence(), new CompliancePolicy(), FindingHistory.None);
        Assert.Contains(first.Findings, f => f.Finding.RuleId == "SCOPE-002");
        Assert.Equal(2, first.Findings.Count(f => f.Finding.RuleId == "CRED-002"));
        await findings.SaveAsync("r1", first, CancellationToken.None);
        await runs.CompleteAsync(Run("r1"), null, "chain-1", CancellationToken.None);

        await runs.StartAsync(Run("r2"), AsOf, CancellationToken.None);
        var previous = await runs.LatestPublishedAsync("demo", "r2", CancellationToken.None);
        Assert.Equal("r1", previous?.Id);
        Assert.Equal("chain-1", previous?.ChainHash);
        var history = await findings.HistoryAsync("demo", previous?.Id, CancellationToken.None);
        var second = evaluator.Evaluate(Evidence(), new CompliancePolicy(), history);
        Assert.All(second.Findings, f => Assert.Equal(FindingStatus.Persisting, f.Status));
    }

    [Fact]
    public async Task A_run_that_never_published_is_not_the_previous_run()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        var runs = new RunRepository(database);
        await runs.StartAsync(Run("r1"), AsOf, CancellationToken.None);
        await runs.MarkFailedAsync("r1", AsOf, CancellationToken.None);
        Assert.Null(await runs.LatestPublishedAsync("demo", "r2", CancellationToken.None));
    }

    [Fact]
    public async Task Runs_left_running_by_a_killed_process_are_marked_failed_when_a_later_review_of_the_tenant_starts()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        var runs = new RunRepository(database);
        RunInfo Started(string id, string tenant, DateTimeOffset at) => new(id, tenant, "tid", "2026-11", at, at, RunStatus.Failed);
        await runs.StartAsync(Started("killed", "demo", AsOf.AddHours(-2)), AsOf, CancellationToken.None);
        await runs.StartAsync(Started("done", "demo", AsOf.AddHours(-1)), AsOf, CancellationToken.None);
        await runs.MarkFailedAsync("done", AsOf.AddHours(-1), CancellationToken.None);
        await runs.StartAsync(Started("other-tenant", "contoso", AsOf.AddHours(-2)), AsOf, CancellationToken.None);
        await runs.StartAsync(Started("later", "demo", AsOf.AddHours(1)), AsOf, CancellationToken.None);
        await runs.StartAsync(Started("current", "demo", AsOf), AsOf, CancellationToken.None);

        var closed = await runs.FailStaleRunsAsync("demo", "current", AsOf, AsOf, CancellationToken.None);

        Assert.Equal(["killed"], closed);
        await using var connection = await database.ConnectAsync(CancellationToken.None);
        var status = (await Dapper.SqlMapper.QueryAsync<(string Id, string Status, string? CompletedAt)>(connection, "SELECT id, status, completed_at FROM runs"))
            .ToDictionary(r => r.Id);
        Assert.Equal(("failed", StoredDate.Write(AsOf)), (status["killed"].Status, status["killed"].CompletedAt));
        Assert.Equal("running", status["current"].Status);
        Assert.Equal("running", status["later"].Status);
        Assert.Equal("running", status["other-tenant"].Status);
        Assert.Equal("failed", status["done"].Status);
        Assert.Empty(await runs.FailStaleRunsAsync("demo", "current", AsOf, AsOf, CancellationToken.None));
    }
}
