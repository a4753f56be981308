using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>The demo fixture with a section replaced, for permission and prerequisite failures.</summary>
internal static class FixtureJson
{
    public static TenantFixture WithFailures(string failuresBody) => With("failures", "{" + failuresBody + "}");

    /// <summary>The demo with its Log Analytics workspace's data starting at <paramref name="dataSince"/> (a fixture date).</summary>
    public static TenantFixture WithWorkspaceDataSince(string dataSince)
    {
        var demo = Demo();
        demo["activity"]!["logAnalytics"]!["dataSince"] = dataSince;
        return Load(demo);
    }

    private static TenantFixture With(string section, string json)
    {
        var demo = Demo();
        demo[section] = JsonNode.Parse(json);
        return Load(demo);
    }

    private static TenantFixture Load(JsonObject demo)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(demo.ToJsonString()));
        return TenantFixture.Load(stream, RunningTenant.Anchor);
    }

    private static JsonObject Demo()
    {
        using var stream = typeof(TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }
}
