using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>Follows @odata.nextLink until the end, asserting every page is a 200.</summary>
internal static class TestJson
{
    public static async Task<(List<JsonElement> Rows, int Pages)> AllPagesAsync(TestTenant tenant, string url, string token)
    {
        var rows = new List<JsonElement>();
        var pages = 0;
        string? next = url;
        while (next is not null)
        {
            var (status, body) = await tenant.GetAsync(next, token);
            Assert.True(status == 200, $"{next} answered {status}: {body}");
            pages++;
            rows.AddRange(body.GetProperty("value").EnumerateArray());
            next = body.TryGetProperty("@odata.nextLink", out var link) ? link.GetString() : null;
        }

        return (rows, pages);
    }

    /// <summary>An OData datetime literal, UTC to the second.</summary>
    public static string Iso(DateTimeOffset d) => d.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);

    public static string? Str(this JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
