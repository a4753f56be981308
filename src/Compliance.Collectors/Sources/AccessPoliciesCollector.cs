using System.Text.Json;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>Get-ApplicationAccessPolicy through the Exchange admin API (m365-apis.md §5.2, §5.3 Option B).</summary>
internal sealed class AccessPoliciesCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Exchange;

    public Task<SourceOutcome<ApplicationAccessPolicy>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = new ExchangeAdminClient(connection, source);
            var rows = await client.InvokeAsync("Get-ApplicationAccessPolicy", token);
            var records = new List<ApplicationAccessPolicy>();
            var unreadable = 0;
            foreach (var row in rows)
            {
                if (Parse(row) is { } policy)
                {
                    records.Add(policy);
                }
                else
                {
                    unreadable++;
                }
            }

            var partial = unreadable == 0 ? null : $"{unreadable} policy row(s) had no AppId or an unknown AccessRight and were not read";
            return ((IReadOnlyList<ApplicationAccessPolicy>)records, partial);
        }, ct);

    private static ApplicationAccessPolicy? Parse(JsonElement row)
    {
        var appId = Text(row, "AppId");
        if (appId is null || !Enum.TryParse<AccessRight>(Text(row, "AccessRight"), ignoreCase: true, out var right))
        {
            return null;
        }

        return new ApplicationAccessPolicy(Text(row, "Identity") ?? "", appId, right, Text(row, "ScopeName") ?? "", Text(row, "ScopeIdentity"), Text(row, "Description"));
    }

    private static string? Text(JsonElement row, string name) =>
        row.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
