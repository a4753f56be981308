using System.Globalization;
using System.Security.Cryptography;
using Compliance.Collectors;
using Compliance.Reports;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Review;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>
/// collect → store → evaluate → publish for one tenant and period (architecture.md §2). The run is recorded
/// before collection starts, so a crash leaves a visible failed run rather than nothing.
/// </summary>
public sealed class ReviewPipeline(ComplianceSettings settings, TimeProvider time, RunLog log)
{
    /// <summary>Collection settings before the tenant session tunes them (benchmarks run unpaced against the simulator).</summary>
    public CollectionOptions CollectionDefaults { get; init; } = CollectionOptions.Default;

    public async Task<ReviewOutcome> RunAsync(ReviewRequest request, CancellationToken cancellationToken)
    {
        ReviewPeriod.Resolve(request.Period, time.GetUtcNow());
        await using var session = await OpenSessionAsync(request, settings, time, cancellationToken);
        if (session is DemoTenantSession demo)
        {
            await DemoReviewHistory.RecordAsync(demo, settings, request, time, log, cancellationToken);
        }

        return await RunAsync(session, request, cancellationToken);
    }

    /// <summary>The tenant connection a request names (the demo starts the simulator); the caller disposes it.</summary>
    public static async Task<ITenantSession> OpenSessionAsync(ReviewRequest request, ComplianceSettings settings, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if ((request.Fixture is not null || request.Scale is not null) && !request.Demo)
        {
            throw new ConfigurationException("--fixture and --scale: only with --demo (they replace the built-in demo tenant)");
        }

        if (request.Fixture is not null && request.Scale is not null)
        {
            throw new ConfigurationException("--fixture and --scale: give one or the other");
        }

        var outbox = Path.Combine(
            request.OutputRoot ?? settings.Reports.OutputRoot, DemoTenantSession.TenantName, request.Period ?? ReviewPeriod.Resolve(null, time.GetUtcNow()), "outbox");
        if (request.Demo && request.Scale is { } scale)
        {
            var generated = DemoTenantSession.GeneratedName(scale, request.Seed);
            outbox = Path.Combine(request.OutputRoot ?? settings.Reports.OutputRoot, generated, request.Period ?? ReviewPeriod.Resolve(null, time.GetUtcNow()), "outbox");
            return await DemoTenantSession.StartGeneratedAsync(time, scale, request.Seed, outbox, cancellationToken);
        }

        return request.Demo
            ? await DemoTenantSession.StartAsync(time, request.Fixture, outbox, cancellationToken)
            : await ConfiguredTenantSession.CreateAsync(request.Tenant ?? throw new ConfigurationException("review: give --tenant NAME or --demo"), settings, null, null, cancellationToken);
    }

    /// <summary>A review over an open session, which stays open afterwards (the daily job sends its alert mail through it).</summary>
    public async Task<ReviewOutcome> RunAsync(ITenantSession session, ReviewRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var period = ReviewPeriod.Resolve(request.Period, time.GetUtcNow());
        var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
        var runs = new RunRepository(database);
        var startedAt = time.GetUtcNow();
        var run = new RunInfo(NewRunId(session.Tenant, startedAt), session.Tenant, session.Connection.TenantId, period, startedAt, startedAt, RunStatus.Failed);
        await runs.StartAsync(run, startedAt, cancellationToken);
        log.Info("review.start", ("run", run.Id), ("tenant", run.Tenant), ("period", period));
        // A run whose process was killed never closed itself; left alone it would read "running" forever.
        foreach (var stale in await runs.FailStaleRunsAsync(run.Tenant, run.Id, startedAt, startedAt, cancellationToken))
        {
            log.Warn("review.stale_run_failed", ("run", stale), ("tenant", run.Tenant), ("reason", "still running when a later review started: its process ended without closing it"));
        }

        try
        {
            return await ExecuteAsync(database, runs, run, session, request, cancellationToken);
        }
        catch
        {
            await runs.MarkFailedAsync(run.Id, time.GetUtcNow(), CancellationToken.None);
            throw;
        }
    }

    private async Task<ReviewOutcome> ExecuteAsync(
        SqliteDatabase database, RunRepository runs, RunInfo run, ITenantSession session, ReviewRequest request, CancellationToken cancellationToken)
    {
        CollectedEvidence collected;
        CollectionOptions options;
        await using (var sink = new RawPageSink(database, run.Id))
        {
            // Each source is logged once below with its figures; the collectors' own progress would repeat it.
            var window = ActivityWindow.For(run.Period, time.GetUtcNow());
            // Message trace reads what the register's approved sender mailboxes sent.
            options = session.Tune(CollectionDefaults with { SenderAddresses = (session.Register ?? settings.RegisterFor(run.Tenant)).SelectMany(i => i.ApprovedSenders).Distinct(StringComparer.OrdinalIgnoreCase).ToList() });
            collected = await new EvidenceCollection(
                    session.Connection, sink, time, window, options, new IncrementalStore(database), new DirectoryDeltaStore(database), new SignInActivityStore(database))
                .CollectAsync(progress: null, cancellationToken);
        }

        PhaseBoundary.ReleaseMemory();
        foreach (var source in collected.Sources)
        {
            (string, object?)[] fields =
            [
                ("source", source.Name), ("state", source.State), ("records", source.Records), ("requests", source.Requests),
                ("ms", source.DurationMs), ("reason", source.Reason), ("resyncs", source.Resyncs),
            ];
            if (source.State == SourceState.Collected)
            {
                log.Info("review.source", fields);
            }
            else
            {
                log.Warn("review.source", fields);
            }
        }

        // AsOf is the moment the evidence was complete: every date-based rule measures from it.
        var asOf = time.GetUtcNow();
        var register = session.Register ?? settings.RegisterFor(run.Tenant);
        var evidenceStore = new EvidenceRepository(database);
        var lastAttestation = await new AttestationRepository(database).LatestAsync(run.Tenant, cancellationToken);
        var baseline = lastAttestation is null ? null : await evidenceStore.PermissionsAsync(lastAttestation.RunId, lastAttestation.AttestedAt, cancellationToken);
        SourceResult[] sources =
        [
            .. collected.Sources.Select(source => ActivityWindow.WithCoverage(source, collected.Window, asOf, options.SignInWorkspace is not null)),
            new(EvidenceSources.Register, SourceState.Collected, null, register.Count, 0, 0),
            new(EvidenceSources.Attestations, SourceState.Collected, null, lastAttestation is null ? 0 : 1, 0, 0),
        ];
        var evidence = new EvidenceSnapshot(
            run.Tenant, asOf, sources, collected.Applications, collected.ServicePrincipals, collected.AppRoleGrants,
            collected.AccessPolicies, register)
        {
            PeriodStart = ReviewPeriod.Start(run.Period),
            DelegatedGrants = collected.DelegatedGrants,
            ExchangeRoleAssignments = collected.ExchangeRoleAssignments,
            ManagementScopes = collected.ManagementScopes,
            Mailboxes = collected.Mailboxes,
            Groups = collected.Groups,
            AdministrativeUnits = collected.AdministrativeUnits,
            OrganizationConfig = collected.OrganizationConfig,
            SignIns = collected.SignIns,
            SignInActivity = collected.SignInActivity,
            MessageTrace = collected.MessageTrace,
            MailboxAudit = collected.MailboxAudit,
            WindowStart = collected.Window?.Start,
            LastAttestation = lastAttestation,
            Baseline = baseline,
        };
        await evidenceStore.SaveAsync(run.Id, evidence, cancellationToken);

        var findingStore = new FindingRepository(database);
        var previous = await runs.LatestPublishedAsync(run.Tenant, run.Id, cancellationToken);
        var history = await findingStore.HistoryAsync(run.Tenant, previous?.Id, cancellationToken);
        var waivers = await new WaiverRepository(database).ListAsync(run.Tenant, cancellationToken);
        var evaluation = new Evaluator(RuleCatalog.All).Evaluate(evidence, settings.Policy, history, waivers);
        await findingStore.SaveAsync(run.Id, evaluation, cancellationToken);
        PhaseBoundary.ReleaseMemory();
        log.Info("review.evaluate", ("controls", evaluation.Controls.Count), ("findings", evaluation.Findings.Count),
            ("resolved", evaluation.ResolvedFingerprints.Count));

        var status = collected.Sources.All(s => s.State == SourceState.Collected) ? RunStatus.Completed : RunStatus.Partial;
        var completed = run with { CompletedAt = time.GetUtcNow(), Status = status };
        var pages = await evidenceStore.PageHashesAsync(run.Id, cancellationToken);
        var evidenceHashes = pages
            .Select(p => new EvidenceFileHash($"{p.Source}/page-{p.Sequence.ToString("D4", CultureInfo.InvariantCulture)}.json", p.Sha256, p.Bytes))
            .ToList();
        var directory = Path.Combine(request.OutputRoot ?? settings.Reports.OutputRoot, run.Tenant, run.Period);
        var document = await HistoryForReport(database, completed, evidence, evaluation, previous, waivers, cancellationToken);
        var published = await new ReportPublisher().PublishAsync(document, evidenceHashes, previous?.ChainHash, directory, cancellationToken);
        await findingStore.SaveReportFilesAsync(run.Id, published.Files.Select(f => (f.Name, f.Sha256, f.Bytes)), cancellationToken);
        await runs.CompleteAsync(completed, previous?.ChainHash, published.Manifest.ChainHash, cancellationToken);
        log.Info("review.publish", ("directory", published.Directory), ("chain", published.Manifest.ChainHash));
        return new ReviewOutcome(completed, evaluation, published);
    }

    /// <summary>The report's look back: the trend over the last 12 runs, what this run resolved, and the waivers of the period.</summary>
    private static async Task<ReviewDocument> HistoryForReport(
        SqliteDatabase database, RunInfo run, EvidenceSnapshot evidence, EvaluationResult evaluation, StoredRun? previous,
        IReadOnlyList<Waiver> waivers, CancellationToken cancellationToken)
    {
        var trends = new TrendRepository(database);
        var earlier = await trends.RecentAsync(run.Tenant, 12, cancellationToken);
        var resolved = previous is null ? [] : await trends.FindingsAsync(previous.Id, evaluation.ResolvedFingerprints, cancellationToken);
        return Document(run, evidence, evaluation, earlier, resolved, waivers);
    }

    /// <summary>
    /// The document the reports are rendered from: this run's open findings by severity appended to the earlier runs'
    /// trend. Public so the large-tenant benchmark writes exactly what a published review writes.
    /// </summary>
    public static ReviewDocument Document(
        RunInfo run, EvidenceSnapshot evidence, EvaluationResult evaluation, IReadOnlyList<RunTrendPoint> earlier,
        IReadOnlyList<Finding> resolved, IReadOnlyList<Waiver> waivers)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentNullException.ThrowIfNull(evaluation);
        var open = evaluation.Findings.Where(f => f.Status != FindingStatus.Waived).Select(f => f.Finding.Severity).ToList();
        var current = new RunTrendPoint(run.Id, run.Period, run.CompletedAt,
            open.Count(s => s == Severity.Critical), open.Count(s => s == Severity.High), open.Count(s => s == Severity.Medium), open.Count(s => s == Severity.Low));
        return new ReviewDocument(run, evidence, evaluation)
        {
            Trend = [.. earlier, current],
            ResolvedFindings = resolved,
            Waivers = WaiverStates.ForReport(waivers, evidence.AsOf, evidence.PeriodStart ?? evidence.AsOf),
        };
    }

    private static string NewRunId(string tenant, DateTimeOffset startedAt) =>
        $"{startedAt:yyyyMMdd'T'HHmmss'Z'}-{tenant}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3))}";
}
