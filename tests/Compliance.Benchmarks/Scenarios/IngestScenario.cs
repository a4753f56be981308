using Compliance.Benchmarks.Harness;
using Compliance.Collectors;
using Compliance.Rules.Evidence;
using Compliance.Storage;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// Ingest with throttling off: 1,000,000 sign-ins, beta JSON → SQLite, through the product (collector + ledger +
/// IncrementalStore on a fresh database each run) and through the floor (IngestFloor), alternating, same pages.
/// </summary>
internal static class IngestScenario
{
    public static async Task RunAsync(int runs, int signIns, string output, CancellationToken ct)
    {
        var anchor = DateTimeOffset.UtcNow;
        var fixture = LargeFixture.Create(anchor, 240, signIns);
        await using var tenant = await BenchTenant.StartAsync(fixture, throttling: false, timeScale: 1, ct);
        var window = new ReviewWindow(anchor.AddDays(-30), new DateTimeOffset(anchor.UtcTicks - anchor.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero));
        var thumbprint = tenant.Host.Certificate.GetCertHashString(System.Security.Cryptography.HashAlgorithmName.SHA256);
        List<double> product = [], floor = [], ratio = [], counts = [], peaks = [], increases = [], heaps = [];
        var folder = Directory.CreateTempSubdirectory("compliance-bench-ingest-").FullName;
        try
        {
            for (var i = 0; i < runs; i++)
            {
                var db = await SqliteDatabase.OpenAsync(Path.Combine(folder, $"product-{i}.db"), ct);
                var memory = PeakMemory.Start();
                var (evidence, _) = await Collect.RunAsync(tenant, window, Collect.Options(Collect.Unpaced, 0.05), new IncrementalStore(db), ct);
                var used = memory.Read();
                memory.Dispose();
                peaks.Add(used.PeakMiB);
                increases.Add(used.PeakIncreaseMiB);
                heaps.Add(used.HeapPeakMiB);
                var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
                var productRate = source.Records / (source.DurationMs / 1000.0);
                var (floorRecords, floorSeconds) = await IngestFloor.RunAsync(tenant.Connection, thumbprint, window, Path.Combine(folder, $"floor-{i}.db"), ct);
                var floorRate = floorRecords / floorSeconds;
                Console.WriteLine($"  run {i + 1}: product {source.Records:N0} in {source.DurationMs / 1000.0:0.0} s = {productRate:N0}/s; floor {floorRecords:N0} in {floorSeconds:0.0} s = {floorRate:N0}/s; "
                    + $"product peak RSS {used.PeakMiB:0} MiB (baseline {used.BaselineMiB:0} with the in-process simulator's tenant, +{used.PeakIncreaseMiB:0}), sampled peak heap {used.HeapPeakMiB:0} MiB");
                product.Add(productRate);
                floor.Add(floorRate);
                ratio.Add(productRate / floorRate);
                counts.Add(source.Records);
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        await ScenarioReport.WriteAsync("ingest", $"sign-in ingest, beta JSON → SQLite, throttling off, {signIns:N0} sign-ins",
        [
            new Figure("sign-ins stored", "records", counts, $"≥ {signIns:N0}", counts.All(c => c >= signIns)),
            new Figure("product (collector → IncrementalStore)", "records/s", product, "-", null),
            new Figure("floor (HttpClient + STJ + prepared insert)", "records/s", floor, "-", null),
            new Figure("product ÷ floor", "ratio", ratio, "≥ 0.7", Figure.MedianOf(ratio) >= 0.7),
            new Figure("product: peak RSS of the collection (simulator in process)", "MiB", peaks, "-", null),
            new Figure("product: peak RSS increase over the baseline before the collection", "MiB", increases, "-", null),
            new Figure("product: peak managed heap, sampled", "MiB", heaps, "-", null),
        ], output, ct);
    }
}
