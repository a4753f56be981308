using System.Text.Json;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>Get-OrganizationConfig through InvokeCommand: AuditDisabled switches mailbox auditing off for everyone (m365-apis.md §3.3).</summary>
internal sealed class OrganizationConfigCollector(TenantConnection connection, SourceContext source)
{
    public Task<SourceOutcome<OrganizationAuditConfig>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, SourceRequirement.Exchange, async token =>
        {
            using var client = new ExchangeAdminClient(connection, source);
            var rows = await client.InvokeAsync("Get-OrganizationConfig", token);
            var row = rows.FirstOrDefault();
            if (row.ValueKind != JsonValueKind.Object || ExchangeRow.Bool(row, "AuditDisabled") is not { } disabled)
            {
                throw new ExchangeAdminException("Get-OrganizationConfig answered without an AuditDisabled value");
            }

            return ((IReadOnlyList<OrganizationAuditConfig>)[new OrganizationAuditConfig(disabled)], (string?)null);
        }, ct);
}
