using System.Text.Json.Nodes;
using Compliance.Worker.Cli;

namespace Compliance.Worker.Tests;

/// <summary>
/// A temporary folder with a copy of the shipped appsettings.json (database and reports redirected into the
/// folder), and a way to run the real CLI in-process against it.
/// </summary>
internal sealed class TestWorkspace : IDisposable
{
    public TestWorkspace()
    {
        Folder = Directory.CreateTempSubdirectory("compliance-worker-").FullName;
        Settings = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "appsettings.json")))!.AsObject();
        Settings["Storage"]!["DatabasePath"] = Path.Combine(Folder, "data", "compliance.db");
        Settings["Reports"]!["OutputRoot"] = Path.Combine(Folder, "reports");
    }

    public string Folder { get; }

    /// <summary>The clock the CLI runs on (the real one unless a test needs another day).</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    public JsonObject Settings { get; }

    public string ConfigPath => Path.Combine(Folder, "appsettings.json");

    public string ReportsRoot => Path.Combine(Folder, "reports");

    public async Task<(int ExitCode, string Out, string Error)> RunAsync(params string[] args)
    {
        await File.WriteAllTextAsync(ConfigPath, Settings.ToJsonString());
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ComplianceCli.InvokeAsync([.. args, "--config", ConfigPath], output, error, Clock, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Runs the CLI with <paramref name="configText"/> written verbatim as the configuration file (malformed input).</summary>
    public async Task<(int ExitCode, string Out, string Error)> RunWithConfigTextAsync(string configText, params string[] args)
    {
        await File.WriteAllTextAsync(ConfigPath, configText);
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ComplianceCli.InvokeAsync([.. args, "--config", ConfigPath], output, error, Clock, CancellationToken.None);
        return (exit, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
