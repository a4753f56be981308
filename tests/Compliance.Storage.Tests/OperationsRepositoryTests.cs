using System.Security.Cryptography;
using System.Text;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;
using Dapper;

namespace Compliance.Storage.Tests;

/// <summary>Retention purge, the attestation chain store and the outbox's claim on alert items.</summary>
public class OperationsRepositoryTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    private static async Task SeedRunAsync(SqliteDatabase database, string id, DateTimeOffset startedAt)
    {
        var run = new RunInfo(id, "demo", "tid", startedAt.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture), startedAt, startedAt.AddMinutes(1), RunStatus.Completed);
        await new RunRepository(database).StartAsync(run, startedAt, CancellationToken.None);
        var body = Encoding.UTF8.GetBytes("{\"value\":[{\"userPrincipalName\":\"someone@contoso.example\"}]}");
        await using (var sink = new RawPageSink(database, id))
        {
            await sink.WriteAsync(new RawPage("applications", 1, "GET", "https://graph/v1.0/applications", 200, Convert.ToHexStringLower(SHA256.HashData(body)), body, startedAt), CancellationToken.None);
        }

        var app = new AppRegistration("o1", "app1", "Mailer", [new Credential("k1", CredentialType.Secret, CredentialHolder.Application, "s", startedAt, startedAt.AddDays(10))]);
        var integration = new Integration("Mailer", "app1", "V", "F", "o@x.example", "T", [], ExpectedCredentialType.Secret, []);
        var sources = new[] { EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies, EvidenceSources.Register }
            .Select(n => new SourceResult(n, SourceState.Collected, null, 1, 1, 1)).ToList();
        var evidence = new EvidenceSnapshot("demo", startedAt, sources, [app], [], [], [], [integration]);
        await new EvidenceRepository(database).SaveAsync(id, evidence, CancellationToken.None);
        var evaluation = new Evaluator(RuleCatalog.All).Evaluate(evidence, new CompliancePolicy(), FindingHistory.None);
        await new FindingRepository(database).SaveAsync(id, evaluation, CancellationToken.None);
        await using (var connection = await database.ConnectAsync(CancellationToken.None))
        {
            await connection.ExecuteAsync(
                "INSERT INTO findings VALUES (@id, 'fp-' || @id, 'SCOPE-002', 'Critical', 'New', 'servicePrincipal', 'app1', 'Mailer', NULL, NULL, 'd', 'r', '[]')", new { id });
        }

        await new RunRepository(database).CompleteAsync(run, null, "chain-" + id, CancellationToken.None);
    }

    [Fact]
    public async Task Purge_removes_evidence_older_than_the_cutoff_and_keeps_findings_and_newer_runs()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        await SeedRunAsync(database, "old", Now.AddMonths(-25));
        await SeedRunAsync(database, "new", Now.AddMonths(-1));

        var result = await new RetentionRepository(database).PurgeAsync(Now.AddMonths(-24), Now, CancellationToken.None);
        Assert.Equal(new PurgeResult(1, 1, 2), result); // one page; one application + one credential row

        await using var connection = await database.ConnectAsync(CancellationToken.None);
        async Task<long> Count(string sql, string runId) => await connection.ExecuteScalarAsync<long>(sql, new { runId });
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM evidence_pages WHERE run_id = @runId", "old"));
        Assert.Equal(0, await Count("SELECT COUNT(*) FROM credentials WHERE run_id = @runId", "old"));
        Assert.True(await Count("SELECT COUNT(*) FROM findings WHERE run_id = @runId", "old") > 0);
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM evidence_pages WHERE run_id = @runId", "new"));
        Assert.Equal(1, await Count("SELECT COUNT(*) FROM credentials WHERE run_id = @runId", "new"));
        Assert.NotNull((await new VerificationRepository(database).PublishedRunAsync("old", CancellationToken.None))!.EvidencePurgedAt);

        // A second purge finds nothing more to do.
        Assert.Equal(new PurgeResult(0, 0, 0), await new RetentionRepository(database).PurgeAsync(Now.AddMonths(-24), Now, CancellationToken.None));
    }

    [Fact]
    public async Task Attestations_chain_per_tenant_and_the_latest_is_available_to_the_next_review()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        await SeedRunAsync(database, "r1", Now);
        var store = new AttestationRepository(database);
        Assert.Null(await store.LatestAsync("demo", CancellationToken.None));

        var pdf = new StoredReportFile("review.pdf", new string('d', 64), 1234);
        var workbook = new StoredReportFile("review.xlsx", new string('e', 64), 5678);
        var first = await store.AppendAsync("r1", "demo", "ciso@contoso.example", "ok", Now, "m1", pdf, null, previous => $"h1<{previous}>", CancellationToken.None);
        var second = await store.AppendAsync("r1", "demo", "auditor@contoso.example", "ok", Now.AddDays(1), "m1", pdf with { Bytes = 1300 }, workbook, previous => $"h2<{previous}>", CancellationToken.None);
        Assert.Null(first.PreviousHash);
        Assert.Equal("h1<>", first.ChainHash);
        Assert.Equal("h1<>", second.PreviousHash);
        Assert.Equal("h2<h1<>>", second.ChainHash);
        Assert.Equal([("review.pdf", (long?)1234), ("review.pdf", 1300)], (await store.ChainAsync("demo", CancellationToken.None)).Select(a => (a.AttestedReport, a.AttestedReportBytes)));
        Assert.Equal([[pdf], [pdf with { Bytes = 1300 }, workbook]], (await store.ChainAsync("demo", CancellationToken.None)).Select(a => a.AttestedFiles));

        var latest = await store.LatestAsync("demo", CancellationToken.None);
        Assert.Equal(new AttestationInfo("r1", "auditor@contoso.example", "ok", Now.AddDays(1), "h2<h1<>>"), latest);
        Assert.Null(await store.LatestAsync("other", CancellationToken.None));
    }

    [Fact]
    public async Task An_alert_item_is_claimed_once_so_a_second_message_with_it_is_refused()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        var outbox = new OutboxRepository(database);
        OutboxMessage Message(string id) => new(id, "demo", null, "daily", "a@x.example", "s", "MIME-Version: 1.0\r\n\r\n", OutboxPayloadFormat.Mime, "2026-11-29T06:00:00.0000000+00:00", "pending", 0, "2026-11-29T06:00:00.0000000+00:00", null, null);

        Assert.True(await outbox.EnqueueAsync(Message("m1"), ["finding:f1", "finding:f2"], CancellationToken.None));
        Assert.False(await outbox.EnqueueAsync(Message("m2"), ["finding:f2", "finding:f3"], CancellationToken.None));
        Assert.Equal(["finding:f3"], await outbox.UnclaimedAsync("demo", ["finding:f1", "finding:f2", "finding:f3"], CancellationToken.None));
        Assert.Equal("m1", Assert.Single(await outbox.DueAsync("demo", Now, CancellationToken.None)).Id);

        await outbox.MarkRetryAsync("m1", Now.AddMinutes(5), "HTTP 429", CancellationToken.None);
        Assert.Empty(await outbox.DueAsync("demo", Now, CancellationToken.None));
        Assert.Single(await outbox.DueAsync("demo", Now.AddMinutes(5), CancellationToken.None));
        await outbox.MarkSentAsync("m1", Now.AddMinutes(5), CancellationToken.None);
        Assert.Empty(await outbox.DueAsync("demo", Now.AddDays(1), CancellationToken.None));
    }
}
