using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.Rules.Evidence;
using Compliance.Storage;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// The directory sources of the generated large tenant (TenantScale.Large: 100,000 SPs, 50,276 mailboxes), throttling
/// off, collected twice on one database: the requests each directory source makes in the first run and in the second
/// (delta sources only call their stored deltaLink). The review window is the last ten minutes and no sender is
/// traced, so the activity sources stay out of the way; they are not counted. The sign-in activity report, which is
/// read whatever the window (one entry per service principal that ever signed in), is counted on its own: run 2 reads
/// it newest first down to run 1's start less a day and merges into the stored copy.
/// </summary>
internal static class DirectoryScenario
{
    private static readonly string[] Directory =
    [
        EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.DelegatedGrants,
        EvidenceSources.Groups, EvidenceSources.AdministrativeUnits, EvidenceSources.ExchangeRbac, EvidenceSources.Mailboxes,
    ];

    public static async Task RunAsync(int seed, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var fixture = TenantFixture.Generate(TenantScale.Large, seed, anchor);
        await using var tenant = await BenchTenant.StartAsync(fixture, throttling: false, timeScale: 1, ct);
        var folder = System.IO.Directory.CreateTempSubdirectory("compliance-bench-directory-").FullName;
        try
        {
            var database = await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), ct);
            var window = new ReviewWindow(anchor.AddMinutes(-10), anchor);
            var options = Collect.Options(Collect.Unpaced, 0.05) with { SenderAddresses = [] };
            List<(CollectedEvidence Evidence, double Seconds)> runs = [];
            for (var run = 1; run <= 2; run++)
            {
                runs.Add(await Collect.RunAsync(tenant, window, options, new IncrementalStore(database), ct, new DirectoryDeltaStore(database), new SignInActivityStore(database)));
                Console.WriteLine($"run {run}: " + string.Join(", ", runs[^1].Evidence.Sources.Where(s => Directory.Contains(s.Name) || s.Name == EvidenceSources.SignInActivity)
                    .Select(s => $"{s.Name} {s.Requests} req/{s.Records} rec{(s.Resyncs > 0 ? $"/{s.Resyncs} resync" : "")}")));
            }

            var (first, second) = (runs[0].Evidence, runs[1].Evidence);
            List<Figure> figures =
            [
                new Figure($"groups collected (run 1, run 2; fixture {fixture.Directory.Groups.Count:N0})", "groups", [first.Groups.Count, second.Groups.Count],
                    $"= {fixture.Directory.Groups.Count}", first.Groups.Count == fixture.Directory.Groups.Count && second.Groups.Count == fixture.Directory.Groups.Count),
                new Figure("same groups and members in run 2 as in run 1", "groups", [Canonical(first.Groups).SequenceEqual(Canonical(second.Groups)) ? 1 : 0], "1", Canonical(first.Groups).SequenceEqual(Canonical(second.Groups))),
            ];
            foreach (var name in Directory)
            {
                var (a, b) = (first.Sources.Single(s => s.Name == name), second.Sources.Single(s => s.Name == name));
                figures.Add(new Figure($"requests {name} (run 1, run 2)", "requests", [a.Requests, b.Requests], "-", null));
            }

            var (total1, total2) = (Collect.Requests(first, Directory), Collect.Requests(second, Directory));
            figures.Add(new Figure("requests, directory sources (run 1, run 2)", "requests", [total1, total2], "run 2 < run 1", total2 < total1));
            var (activity1, activity2) = (first.Sources.Single(s => s.Name == EvidenceSources.SignInActivity), second.Sources.Single(s => s.Name == EvidenceSources.SignInActivity));
            figures.Add(new Figure("requests signInActivity (run 1, run 2; before: 100, 100)", "requests", [activity1.Requests, activity2.Requests], "run 2 < run 1", activity2.Requests < activity1.Requests));
            var sameActivity = Canonical(first.SignInActivity).SequenceEqual(Canonical(second.SignInActivity));
            figures.Add(new Figure($"same sign-in activity entries in run 2 as in run 1 ({first.SignInActivity.Count:N0})", "entries", [sameActivity ? 1 : 0], "1", sameActivity));
            figures.Add(new Figure("wall time of the collection (run 1, run 2)", "s", [runs[0].Seconds, runs[1].Seconds], "-", null));
            await ScenarioReport.WriteAsync("directory", $"directory sources of the generated large tenant, seed {seed}, twice on one database, throttling off", figures, output, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    private static List<string> Canonical(IReadOnlyList<ServicePrincipalSignInActivity> entries) =>
        entries.Select(a => $"{a.AppId}|{a.LastAppOnlySignIn:O}|{a.LastSignIn:O}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Canonical(IReadOnlyList<MailGroup> groups) =>
        groups.Select(g => $"{g.Id}|{g.DisplayName}|{g.Mail}|{g.DistinguishedName}|{string.Join(',', g.MemberUserIds.Order(StringComparer.Ordinal))}|{string.Join(',', g.MemberGroupIds.Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal).ToList();
}
