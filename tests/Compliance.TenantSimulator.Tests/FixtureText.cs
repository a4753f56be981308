using System.Text;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Tests;

/// <summary>The demo fixture with one section replaced, loaded as a custom fixture.</summary>
internal static class FixtureText
{
    public static TenantFixture WithFailures(string failuresBody)
    {
        var demo = DemoJson();
        demo["failures"] = JsonNode.Parse("{" + failuresBody + "}");
        return Load(demo);
    }

    public static JsonObject DemoJson()
    {
        using var stream = typeof(TenantFixture).Assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        return JsonNode.Parse(stream)!.AsObject();
    }

    public static TenantFixture Load(JsonObject json)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(json.ToJsonString()));
        return TenantFixture.Load(stream, TestTenant.Anchor);
    }
}
