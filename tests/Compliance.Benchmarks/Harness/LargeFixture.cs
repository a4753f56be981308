using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Generated tenants for the scenarios, built on the demo fixture (so every control has something to judge): extra
/// filler apps up to <c>servicePrincipals</c>, and hourly sign-in series for as many extra apps as it takes to reach
/// <c>signIns</c> rows inside Graph's 30-day retention. Deterministic: the same arguments give the same tenant.
/// </summary>
internal static class LargeFixture
{
    public const int SignInDays = 29;

    public static TenantFixture Create(DateTimeOffset anchor, int fillerApps, int signIns)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(Json(fillerApps, signIns)));
        return TenantFixture.Load(stream, anchor);
    }

    /// <summary>The fixture file (docs/tenant-fixture.md) of that tenant: times are relative ("now-29d"), so any anchor serves it.</summary>
    public static string Json(int fillerApps, int signIns)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot.Path, "src/Compliance.TenantSimulator/Fixtures/demo/tenant.json")))!.AsObject();
        json["fillerApps"]!["count"] = fillerApps;
        var perApp = SignInDays * 24;
        var signingApps = (signIns + perApp - 1) / perApp;
        var apps = json["apps"]!.AsArray();
        var series = json["activity"]!["signIns"]!.AsArray();
        for (var i = 0; i < signingApps; i++)
        {
            var appId = $"5e000000-0000-4000-8000-{i:D12}";
            apps.Add(new JsonObject { ["appId"] = appId, ["displayName"] = $"Signing app {i:D5}" });
            series.Add(new JsonObject
            {
                ["appId"] = appId, ["from"] = $"now-{SignInDays}d", ["to"] = "now-1h", ["everyHours"] = 1,
                ["ipAddress"] = $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}",
            });
        }

        return json.ToJsonString();
    }

    public static string Describe(int fillerApps, int signIns) =>
        string.Create(CultureInfo.InvariantCulture, $"demo + {fillerApps:N0} filler apps, ≥ {signIns:N0} sign-ins over {SignInDays} days");
}

/// <summary>The repository root (the folder holding Compliance.sln), found upwards from the working directory.</summary>
internal static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Compliance.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("run from inside the repository (Compliance.sln not found above the working directory)");
    }
}
