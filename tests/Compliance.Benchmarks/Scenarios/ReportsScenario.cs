using System.Diagnostics;
using Compliance.Benchmarks.Harness;
using Compliance.Reports;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.Rules.Review;
using Compliance.Rules.Scope;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Workbook or PDF for a large tenant (1M sign-ins, 500k message-trace rows; moved here from the former
/// Compliance.Reports.Benchmarks). One format per process, so the peak resident memory is that writer's.
/// </summary>
internal static class ReportsScenario
{
    public static async Task RunAsync(string format, int runs, string output, CancellationToken ct)
    {
        var document = LargeTenant.Create(1_000_000, 500_000);
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64 / 1048576.0;
        List<double> seconds = [];
        long size = 0;
        for (var i = 0; i < runs; i++)
        {
            var path = Path.Combine(Path.GetTempPath(), $"compliance-bench-large.{format}");
            var watch = Stopwatch.StartNew();
            await using (var file = File.Create(path))
            {
                if (format == "xlsx")
                {
                    await new ReviewWorkbookWriter().WriteAsync(document, file, ct);
                }
                else
                {
                    new ReviewPdfWriter().Write(document, file);
                }
            }

            seconds.Add(watch.Elapsed.TotalSeconds);
            size = new FileInfo(path).Length;
            File.Delete(path);
        }

        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0;
        await ScenarioReport.WriteAsync("reports-" + format, $"{format} for a large tenant (1M sign-ins, 500k trace rows), {size / 1048576.0:0.0} MiB file",
        [
            new Figure($"{format} write", "s", seconds, "-", null),
            new Figure("peak resident memory (document in memory included)", "MiB", [peak], format == "xlsx" ? "< 500" : "-", format == "xlsx" ? peak < 500 : null),
            new Figure("resident memory with the document built, before writing", "MiB", [before], "-", null),
        ], output, ct);
    }
}

internal static class LargeTenant
{
    public static ReviewDocument Create(int signIns, int trace)
    {
        var asOf = new DateTimeOffset(2026, 12, 1, 5, 0, 0, TimeSpan.Zero);
        var run = new RunInfo("run-large", "large", "00000000-0000-0000-0000-000000000001", "2026-11", asOf, asOf.AddMinutes(30), RunStatus.Completed);
        var apps = Enumerable.Range(0, 40).Select(i => new AppRegistration($"obj-{i}", $"{i:D8}-0000-0000-0000-000000000000", $"App {i}",
            [new Credential($"key-{i}", CredentialType.Secret, CredentialHolder.Application, null, asOf.AddDays(-100), asOf.AddDays(80))])).ToList();
        var sps = apps.Select(a => new ServicePrincipal("sp-" + a.ObjectId, a.AppId, a.DisplayName, "Application", true, [])).ToList();
        var register = apps.Take(30).Select(a => new Integration(a.DisplayName, a.AppId, "Vendor", "Mail", "owner@large.example", "CHG-1",
            [$"sender-{a.ObjectId}@large.example"], ExpectedCredentialType.Certificate, [])).ToList();
        var ips = Enumerable.Range(0, 200).Select(i => $"10.1.{i / 250}.{i % 250}").ToArray();
        var senders = apps.Select(a => $"sender-{a.ObjectId}@large.example").ToArray();
        var statuses = new[] { "delivered", "delivered", "delivered", "failed", "pending" };
        var signInRows = Enumerable.Range(0, signIns).Select(i => new ServicePrincipalSignIn(
            Guid.CreateVersion7(asOf.AddSeconds(-i)).ToString(), asOf.AddSeconds(-i * 2.5), apps[i % apps.Count].AppId, ips[i % ips.Length],
            i % 50 == 0 ? 7000215 : 0, i % 50 == 0 ? "Invalid client secret provided." : null, "clientSecret", apps[i % apps.Count].Credentials[0].KeyId, "Microsoft Graph")).ToList();
        var traceRows = Enumerable.Range(0, trace).Select(i => new MessageTraceRecord(
            Guid.CreateVersion7(asOf.AddSeconds(-i)).ToString(), asOf.AddSeconds(-i * 5), senders[i % senders.Length], $"customer{i % 5000}@example.com",
            statuses[i % statuses.Length], "Your invoice", 20_000 + (i % 1000))).ToList();
        var scopes = apps.Take(35).Select((a, i) => new EffectiveSendAsScope(a.AppId, a.DisplayName, i % 7 == 0,
            [.. Enumerable.Range(0, i % 7 == 0 ? 2000 : 3).Select(m => new ScopeEntry($"mbx{m}@large.example", null,
                [new ScopeReason(i % 7 == 0 ? SendAsPath.EntraGrantUnrestricted : SendAsPath.RbacCustomScope, "grant or scope")]))], [])).ToList();
        SourceResult[] sources =
        [
            new(EvidenceSources.Applications, SourceState.Collected, null, apps.Count, 1, 100),
            new(EvidenceSources.SignIns, SourceState.Collected, null, signIns, signIns / 1000, 100_000),
            new(EvidenceSources.MessageTrace, SourceState.Collected, null, trace, trace / 1000, 80_000),
        ];
        var evidence = new EvidenceSnapshot("large", asOf, sources, apps, sps, [], [], register)
        {
            SignIns = signInRows,
            MessageTrace = traceRows,
            WindowStart = asOf.AddDays(-30),
        };
        var rule = new RuleMetadata("CRED-001", "Credentials", Severity.High, "r", "r", [], [EvidenceSources.Applications]);
        var findings = apps.Select(a => new TrackedFinding(new Finding("CRED-001", Severity.High, "application", a.ObjectId, a.DisplayName, a.DisplayName,
            "Secret instead of certificate.", "Use a certificate.", []), FindingStatus.Persisting)).ToList();
        var evaluation = new EvaluationResult([new ControlResult(rule, ControlOutcome.Fail, apps.Count, apps.Count, null)], findings, []) { Scopes = scopes };
        return new ReviewDocument(run, evidence, evaluation);
    }
}
