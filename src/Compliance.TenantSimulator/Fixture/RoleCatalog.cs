using System.Text.Json;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// The real app roles of Microsoft Graph and Office 365 Exchange Online, embedded from reference/data
/// (graph_sp_appRoles.json in PowerShell casing; the Exchange list is the EntraOps-derived subset with
/// AppRoleId/AppRoleDisplayName = value).
/// </summary>
internal static class RoleCatalog
{
    public const string GraphKey = "graph";
    public const string ExchangeKey = "exchange";
    public const string GraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string ExchangeAppId = "00000002-0000-0ff1-ce00-000000000000";

    /// <summary>Microsoft's own tenant owns first-party SPs (appOwnerOrganizationId as seen in any tenant).</summary>
    public const string MicrosoftTenantId = "f8cdef31-a31e-4b4a-93e4-5f571e91255a";

    private static readonly Lazy<IReadOnlyList<SimAppRole>> GraphRoles = new(() => LoadGraph());
    private static readonly Lazy<IReadOnlyList<SimAppRole>> ExchangeRoles = new(() => LoadExchange());

    public static IReadOnlyList<SimAppRole> Roles(string resourceKey) => resourceKey switch
    {
        GraphKey => GraphRoles.Value,
        ExchangeKey => ExchangeRoles.Value,
        _ => throw new InvalidDataException($"Unknown resource '{resourceKey}' (expected '{GraphKey}' or '{ExchangeKey}')."),
    };

    public static string AppId(string resourceKey) => resourceKey == ExchangeKey ? ExchangeAppId : GraphAppId;

    public static string DisplayName(string resourceKey) => resourceKey == ExchangeKey ? "Office 365 Exchange Online" : "Microsoft Graph";

    private static List<SimAppRole> LoadGraph()
    {
        using var doc = JsonDocument.Parse(EmbeddedFixtures.Open("roles/graph-appRoles.json"));
        return doc.RootElement.EnumerateArray().Select(r => new SimAppRole(
            r.GetProperty("Id").GetString()!,
            r.GetProperty("Value").GetString()!,
            r.GetProperty("DisplayName").GetString() ?? "",
            r.GetProperty("Description").GetString() ?? "",
            r.GetProperty("AllowedMemberTypes").EnumerateArray().Select(m => m.GetString()!).ToList(),
            !r.TryGetProperty("IsEnabled", out var enabled) || enabled.GetBoolean())).ToList();
    }

    private static List<SimAppRole> LoadExchange()
    {
        using var doc = JsonDocument.Parse(EmbeddedFixtures.Open("roles/exchange-appRoles.json"));
        return doc.RootElement.EnumerateArray().Select(r =>
        {
            var value = r.GetProperty("AppRoleDisplayName").GetString()!;
            // The derived list carries no display name or description; the value stands in for both.
            return new SimAppRole(r.GetProperty("AppRoleId").GetString()!, value, value, $"Allows the app to use {value} without a signed-in user.", ["Application"], true);
        }).ToList();
    }
}
