using System.Globalization;
using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.Rules.Evidence;
using Compliance.Storage;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// The directory sources of a large tenant, throttling off, collected twice on one database: the requests each
/// directory source makes in the first run and in the second (delta sources only call their stored deltaLink), and the
/// memory each run takes (issue 4, requirement 5: resident memory flat whatever the volume). The simulator runs as a
/// process of its own, so this process's memory is the collection's alone. The tenant is the generated large one
/// (TenantScale.Large: 100,000 SPs, 50,276 mailboxes), or with <c>fillerApps</c> the demo tenant plus that many
/// filler apps (LargeFixture) — two sizes of it show whether memory grows with the volume beyond the records kept. The
/// review window is the last ten minutes and no sender is traced, so the activity sources stay out of the way.
/// The sign-in activity report, which is read whatever the window (one entry per service principal that ever signed
/// in), is counted on its own: run 2 reads it newest first down to run 1's start less a day and merges into the stored copy.
/// </summary>
internal static class DirectoryScenario
{
    private static readonly string[] Directory =
    [
        EvidenceSources.Applications, EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.DelegatedGrants,
        EvidenceSources.Groups, EvidenceSources.AdministrativeUnits, EvidenceSources.ExchangeRbac, EvidenceSources.Mailboxes,
    ];

    public static async Task RunAsync(int seed, int? fillerApps, string? simulatorDll, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var folder = System.IO.Directory.CreateTempSubdirectory("compliance-bench-directory-").FullName;
        try
        {
            var tenantArguments = fillerApps is { } filler
                ? ["--tenant", await WriteFixtureAsync(folder, filler, ct)]
                : new[] { "--scale", "large", "--seed", seed.ToString(CultureInfo.InvariantCulture) };
            await using var simulator = await SimulatorProcess.StartAsync(simulatorDll, ["--urls", "https://127.0.0.1:0", "--throttling", "off", .. tenantArguments], ct);
            await using var tenant = new ExternalTenant("directory", simulator);
            var database = await SqliteDatabase.OpenAsync(Path.Combine(folder, "compliance.db"), ct);
            var window = new ReviewWindow(anchor.AddMinutes(-10), anchor);
            var options = Collect.Options(Collect.Unpaced, 0.05) with { SenderAddresses = [] };
            List<(CollectedEvidence Evidence, double Seconds, MemoryFigures Memory, double RetainedMiB)> runs = [];
            for (var run = 1; run <= 2; run++)
            {
                using var memory = PeakMemory.Start();
                var (evidence, seconds) = await Collect.RunAsync(tenant, window, options, new IncrementalStore(database), ct, new DirectoryDeltaStore(database), new SignInActivityStore(database));
                var used = memory.Read();
                // What this run's evidence keeps on the managed heap once the collection's garbage is gone.
                var retained = GC.GetTotalMemory(forceFullCollection: true) / 1048576.0 - used.HeapBeforeMiB;
                runs.Add((evidence, seconds, used, retained));
                Console.WriteLine($"run {run}: " + string.Join(", ", evidence.Sources.Where(s => Directory.Contains(s.Name) || s.Name == EvidenceSources.SignInActivity)
                    .Select(s => $"{s.Name} {s.Requests} req/{s.Records} rec{(s.Resyncs > 0 ? $"/{s.Resyncs} resync" : "")}")));
                Console.WriteLine($"run {run}: {seconds:0.0} s; peak RSS {used.PeakMiB:0} MiB{(used.PeakIsOwn ? "" : " (process lifetime)")} "
                    + $"(baseline {used.BaselineMiB:0}, +{used.PeakIncreaseMiB:0}); managed heap {used.HeapBeforeMiB:0} MiB before, sampled peak {used.HeapPeakMiB:0} MiB, "
                    + $"{retained:0.0} MiB retained by the evidence ({Records(evidence):N0} directory records, {retained * 1048576 / Math.Max(1, Records(evidence)):N0} B each)");
            }

            var fixtureGroups = (fillerApps is { } n ? LargeFixture.Create(anchor, n, 0) : TenantFixture.Generate(TenantScale.Large, seed, anchor)).Directory.Groups.Count;
            var (first, second) = (runs[0].Evidence, runs[1].Evidence);
            List<Figure> figures =
            [
                new Figure($"groups collected (run 1, run 2; fixture {fixtureGroups:N0})", "groups", [first.Groups.Count, second.Groups.Count],
                    $"= {fixtureGroups}", first.Groups.Count == fixtureGroups && second.Groups.Count == fixtureGroups),
                new Figure("same groups and members in run 2 as in run 1", "groups", [Canonical(first.Groups).SequenceEqual(Canonical(second.Groups)) ? 1 : 0], "1", Canonical(first.Groups).SequenceEqual(Canonical(second.Groups))),
                Same("administrative units and members", first.AdministrativeUnits.Select(u => $"{u.Id}|{u.DisplayName}|{string.Join(',', u.MemberUserIds.Order(StringComparer.Ordinal))}"),
                    second.AdministrativeUnits.Select(u => $"{u.Id}|{u.DisplayName}|{string.Join(',', u.MemberUserIds.Order(StringComparer.Ordinal))}")),
                Same("mailboxes", first.Mailboxes.Select(Line), second.Mailboxes.Select(Line)),
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
            figures.Add(new Figure("directory records (run 1, run 2)", "records", [Records(first), Records(second)], "-", null));
            figures.Add(new Figure("peak RSS of the collection (run 1, run 2)", "MiB", [runs[0].Memory.PeakMiB, runs[1].Memory.PeakMiB], "-", null));
            figures.Add(new Figure("baseline RSS before the collection (run 1, run 2)", "MiB", [runs[0].Memory.BaselineMiB, runs[1].Memory.BaselineMiB], "-", null));
            figures.Add(new Figure("peak managed heap, sampled (run 1, run 2)", "MiB", [runs[0].Memory.HeapPeakMiB, runs[1].Memory.HeapPeakMiB], "-", null));
            figures.Add(new Figure("managed heap retained by the run's evidence (run 1, run 2)", "MiB", [runs[0].RetainedMiB, runs[1].RetainedMiB], "-", null));
            figures.Add(new Figure("peak RSS of the simulator process (VmHWM)", "MiB", [simulator.PeakResidentMiB], "-", null));
            var tenantName = fillerApps is { } f ? LargeFixture.Describe(f, 0) : $"the generated large tenant, seed {seed}";
            await ScenarioReport.WriteAsync("directory", $"directory sources of {tenantName}, simulator in its own process, twice on one database, throttling off", figures, output, ct);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            System.IO.Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>A figure that holds when run 2 collected exactly the records of run 1 (compared in a stable order).</summary>
    private static Figure Same(string what, IEnumerable<string> first, IEnumerable<string> second)
    {
        var (a, b) = (first.Order(StringComparer.Ordinal).ToList(), second.Order(StringComparer.Ordinal).ToList());
        return new Figure($"same {what} in run 2 as in run 1 ({a.Count:N0}, {b.Count:N0})", what, [a.SequenceEqual(b) ? 1 : 0], "1", a.SequenceEqual(b));
    }

    private static string Line(Mailbox m) => string.Join('|',
        [m.UserId, m.PrimarySmtpAddress, m.Alias, m.Name, m.DisplayName, m.RecipientTypeDetails, m.AccountEnabled?.ToString(), m.AuditEnabled?.ToString(),
            string.Join(',', m.EmailAddresses), m.Department, m.Company, m.Office, string.Join(',', m.CustomAttributes), m.DistinguishedName]);

    private static async Task<string> WriteFixtureAsync(string folder, int fillerApps, CancellationToken ct)
    {
        var path = Path.Combine(folder, "tenant.json");
        await File.WriteAllTextAsync(path, LargeFixture.Json(fillerApps, 0), ct);
        return path;
    }

    private static long Records(CollectedEvidence evidence) => evidence.Sources.Where(s => Directory.Contains(s.Name)).Sum(s => s.Records);

    private static List<string> Canonical(IReadOnlyList<ServicePrincipalSignInActivity> entries) =>
        entries.Select(a => $"{a.AppId}|{a.LastAppOnlySignIn:O}|{a.LastSignIn:O}").Order(StringComparer.Ordinal).ToList();

    private static List<string> Canonical(IReadOnlyList<MailGroup> groups) =>
        groups.Select(g => $"{g.Id}|{g.DisplayName}|{g.Mail}|{g.DistinguishedName}|{string.Join(',', g.MemberUserIds.Order(StringComparer.Ordinal))}|{string.Join(',', g.MemberGroupIds.Order(StringComparer.Ordinal))}")
            .Order(StringComparer.Ordinal).ToList();
}
