using System.Text.Json.Nodes;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// A generated tenant served by the simulator in a process of its own (`--throttling off --export`), so this process's
/// memory is the review's alone, and a <see cref="ReviewPipeline"/> that reaches it like a configured tenant: the
/// register from the exported register.json, a fresh database, collection unpaced, each phase's wall time and memory
/// in <see cref="Phases"/>. Disposing stops the simulator and deletes the database.
/// </summary>
internal sealed class ExternalReview : IAsyncDisposable
{
    private readonly string folder;
    private readonly SimulatorProcess simulator;
    private readonly ExternalTenant session;

    private ExternalReview(string folder, SimulatorProcess simulator, ComplianceSettings settings, string tenant)
    {
        this.folder = folder;
        this.simulator = simulator;
        Settings = settings;
        session = new ExternalTenant(tenant, simulator);
        Tenant = tenant;
        Phases = new PhaseMemory(Console.Out);
        Pipeline = new ReviewPipeline(settings, TimeProvider.System, new RunLog(Phases, TimeProvider.System))
        {
            CollectionDefaults = Collect.Options(Collect.Unpaced, 0.05),
        };
    }

    public ComplianceSettings Settings { get; }

    public string Tenant { get; }

    public PhaseMemory Phases { get; }

    public ReviewPipeline Pipeline { get; }

    /// <summary>Where the simulator exported expected-findings.json and register.json; also holds the database.</summary>
    public string Folder => folder;

    /// <summary>The simulator's own peak resident memory so far (VmHWM), in MiB.</summary>
    public double SimulatorPeakResidentMiB => simulator.PeakResidentMiB;

    /// <summary>Starts the simulator with <paramref name="tenantArguments"/> (e.g. --scale large --seed 1) and waits until it serves.</summary>
    public static async Task<ExternalReview> StartAsync(string? simulatorDll, IReadOnlyList<string> tenantArguments, CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("compliance-bench-review-").FullName;
        SimulatorProcess? simulator = null;
        try
        {
            simulator = await SimulatorProcess.StartAsync(
                simulatorDll, ["--urls", "https://127.0.0.1:0", .. tenantArguments, "--throttling", "off", "--export", folder], ct);
            Console.WriteLine($"simulator: {simulator.BaseUri} ready in {simulator.StartSeconds:0.0} s, peak RSS so far {simulator.PeakResidentMiB:0} MiB");
            var (settings, tenant) = await ConfiguredSettingsAsync(folder, ct);
            return new ExternalReview(folder, simulator, settings, tenant);
        }
        catch
        {
            if (simulator is not null)
            {
                await simulator.DisposeAsync();
            }

            Directory.Delete(folder, recursive: true);
            throw;
        }
    }

    /// <summary>One review of the tenant on this review's database; <paramref name="reports"/> null keeps the reports in the temporary folder.</summary>
    public Task<ReviewOutcome> RunAsync(string? reports, CancellationToken ct) =>
        Pipeline.RunAsync(session, new ReviewRequest(Tenant, false, null, reports ?? Path.Combine(folder, "reports")), ct);

    public async ValueTask DisposeAsync()
    {
        Phases.Dispose();
        await session.DisposeAsync();
        await simulator.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    /// <summary>appsettings.json with the exported register in place of Integrations, as a configured tenant has it.</summary>
    private static async Task<(ComplianceSettings Settings, string Tenant)> ConfiguredSettingsAsync(string folder, CancellationToken ct)
    {
        var appsettings = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(RepoRoot.Path, "appsettings.json"), ct))!.AsObject();
        var register = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(folder, "register.json"), ct))!["Integrations"]!.AsObject();
        var tenant = register.Single().Key;
        appsettings["Integrations"] = register.DeepClone();
        var path = Path.Combine(folder, "appsettings.json");
        await File.WriteAllTextAsync(path, appsettings.ToJsonString(), ct);
        var settings = SettingsLoader.Load(path);
        settings.Storage.DatabasePath = Path.Combine(folder, "data", "compliance.db");
        settings.Reports.OutputRoot = Path.Combine(folder, "reports");
        return (settings, tenant);
    }
}
