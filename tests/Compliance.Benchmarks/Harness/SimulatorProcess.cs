using System.Diagnostics;
using System.Globalization;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// The tenant simulator in a process of its own (`Compliance.TenantSimulator --urls https://127.0.0.1:0 …`), so that
/// a review's resident memory is measured without the simulator's copy of the tenant. What a client needs to connect
/// is read from the lines the simulator prints at start (README "Tenant simulator"); the client secret is the
/// simulator's random test secret, printed there by design, and stays in this process.
/// </summary>
internal sealed class SimulatorProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly Dictionary<string, string> printed;

    private SimulatorProcess(Process process, Dictionary<string, string> printed, Uri baseUri, double startSeconds)
    {
        this.process = process;
        this.printed = printed;
        BaseUri = baseUri;
        StartSeconds = startSeconds;
    }

    public Uri BaseUri { get; }

    public double StartSeconds { get; }

    public string TenantId => printed["tenant id"];

    public string ClientId => printed["client id"];

    public string ClientSecret => printed["client secret"];

    /// <summary>SHA-256 of the self-signed server certificate, for PinnedCertificate.</summary>
    public string CertificateSha256 => printed["certificate"].Replace("sha256 ", "", StringComparison.Ordinal);

    /// <summary>The simulator's own peak resident memory so far (VmHWM of /proc/PID/status), in MiB.</summary>
    public double PeakResidentMiB => ProcStatus.KiB(process.Id, "VmHWM") / 1024.0;

    /// <summary>
    /// Starts <paramref name="dll"/> (default: the Release build of the simulator beside this benchmark's build) and
    /// waits until it listens.
    /// </summary>
    public static async Task<SimulatorProcess> StartAsync(string? dll, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        dll ??= Path.Combine(RepoRoot.Path, "src", "Compliance.TenantSimulator", "bin", "Release", "net10.0", "Compliance.TenantSimulator.dll");
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"build the simulator first (tests/bench.sh builds it): {dll}");
        }

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("the simulator process did not start");
        var printed = new Dictionary<string, string>(StringComparer.Ordinal);
        Uri? baseUri = null;
        while (await process.StandardOutput.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("Tenant simulator listening on ", StringComparison.Ordinal))
            {
                baseUri = new Uri(line["Tenant simulator listening on ".Length..].Split(' ', 2)[0]);
            }
            else if (line.StartsWith("  ", StringComparison.Ordinal) && line.Length > 17)
            {
                // "  client id      f7d7…": a 15-character label column, then the value.
                printed[line[2..17].Trim()] = line[17..].Trim();
            }

            if (line.Contains("press Ctrl+C to stop", StringComparison.Ordinal))
            {
                break;
            }
        }

        if (baseUri is null || !printed.ContainsKey("client secret") || !printed.ContainsKey("certificate"))
        {
            process.Kill();
            throw new InvalidOperationException($"the simulator exited or printed no connection details (exit {(process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "running")})");
        }

        // Keep draining stdout so the simulator never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        return new SimulatorProcess(process, printed, baseUri, watch.Elapsed.TotalSeconds);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync(CancellationToken.None);
        }

        process.Dispose();
    }
}
