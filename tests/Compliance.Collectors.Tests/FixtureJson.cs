using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>The demo fixture with a section replaced, for permission and prerequisite failures, or edited.</summary>
internal static class FixtureJson
{
    public static TenantFixture WithFailures(string failuresBody) => Edited(demo => demo["failures"] = JsonNode.Parse("{" + failuresBody + "}"));

    /// <summary>The demo with its Log Analytics workspace's data starting at <paramref name="dataSince"/> (a fixture date).</summary>
    public static TenantFixture WithWorkspaceDataSince(string dataSince) =>
        Edited(demo => demo["activity"]!["logAnalytics"]!["dataSince"] = dataSince);

    /// <summary>The demo fixture after <paramref name="edit"/> (a tenant that changed between two runs).</summary>
    public static TenantFixture Edited(Action<JsonObject> edit)
    {
        ArgumentNullException.ThrowIfNull(edit);
        var demo = Demo();
        edit(demo);
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(demo.ToJsonString()));
        return TenantFixture.Load(stream, RunningTenant.Anchor);
    }

    private static JsonObject Demo()
    {
        using var stream = typeof(TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }
}
