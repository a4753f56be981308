using System.Text;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator;

namespace Compliance.Collectors.Tests;

/// <summary>The demo fixture with a section replaced, for permission and prerequisite failures.</summary>
internal static class FixtureJson
{
    public static TenantFixture WithFailures(string failuresBody)
    {
        var demo = Demo();
        demo["failures"] = JsonNode.Parse("{" + failuresBody + "}");
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(demo.ToJsonString()));
        return TenantFixture.Load(stream, RunningTenant.Anchor);
    }

    private static JsonObject Demo()
    {
        using var stream = typeof(TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }
}
