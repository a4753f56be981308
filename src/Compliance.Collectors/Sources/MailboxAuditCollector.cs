using System.Globalization;
using System.Text.Json;
using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Send, SendAs and SendOnBehalf mailbox audit records through the Purview audit search API (m365-apis.md §3.1):
/// create a query for the range not yet read, poll it until it succeeds, then page its records. The API is documented
/// as v1.0 but was measured answering 404 there and 201 on beta [S30], so a 404 on create falls back to beta. A query
/// that succeeds with isRecordCountLimitExceeded has lost records: the source is then Partial and its watermark stays.
/// </summary>
internal sealed class MailboxAuditCollector(TenantConnection connection, SourceContext source, ReviewWindow window, CollectionOptions options, IIncrementalStore? store)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("AuditLogsQuery-Exchange.Read.All");

    private static readonly string[] RecordTypes = ["exchangeItem"];

    private static readonly string[] Operations = ["Send", "SendAs", "SendOnBehalf"];

    public Task<ActivityOutcome<MailboxAuditRecord>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunActivityAsync(source, Requirement, async token =>
        {
            var ledger = new ActivityLedger<MailboxAuditRecord>(
                store, connection.TenantId, EvidenceSources.MailboxAudit, ActivityJson.Default.MailboxAuditRecord, r => r.Id);
            string? partial = null;
            if (await ledger.PlanAsync(EvidenceSources.MailboxAudit, window, options.IncrementalOverlap, token) is { } range)
            {
                using var http = SourceHttp.Create(connection, source, connection.Endpoints.GraphScope);
                partial = await ReadAsync(new JsonApi(http, "Graph"), range, ledger, token);
                if (partial is null)
                {
                    await ledger.CompleteAsync(EvidenceSources.MailboxAudit, range, token);
                }
            }

            return (await ledger.ReadWindowAsync(window, token), partial);
        }, ct);

    private async Task<string?> ReadAsync(JsonApi api, CoveredRange range, ActivityLedger<MailboxAuditRecord> ledger, CancellationToken ct)
    {
        var body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["displayName"] = $"compliance mailbox audit {ODataTime.Format(range.From)}",
            ["filterStartDateTime"] = ODataTime.Format(range.From),
            ["filterEndDateTime"] = ODataTime.Format(range.To),
            // exchangeItem = RecordType 2, single-item mailbox actions such as Send/SendAs/SendOnBehalf (m365-apis.md §3.1).
            ["recordTypeFilters"] = RecordTypes,
            ["operationFilters"] = Operations,
        });

        var root = connection.Endpoints.GraphBaseUrl.AbsoluteUri.TrimEnd('/');
        AuditQueryWire query;
        try
        {
            query = await api.PostAsync(new Uri(root + "/security/auditLog/queries"), body, WireJson.Default.AuditQueryWire, ct);
        }
        catch (ApiCallException e) when (e.Status == 404)
        {
            root = connection.Endpoints.GraphBetaUrl.AbsoluteUri;
            query = await api.PostAsync(new Uri(root + "/security/auditLog/queries"), body, WireJson.Default.AuditQueryWire, ct);
        }

        var id = query.Id ?? throw new ApiCallException("Graph", 201, "noId", "the audit log query was created without an id");
        var queryUrl = new Uri($"{root}/security/auditLog/queries/{Uri.EscapeDataString(id)}");
        var deadline = source.Time.GetUtcNow() + options.AuditQueryTimeout;
        while (!string.Equals(query.Status, "succeeded", StringComparison.OrdinalIgnoreCase))
        {
            if (query.Status is "failed" or "cancelled")
            {
                throw new ApiCallException("Graph", 200, query.Status, $"the audit log query {id} ended {query.Status}");
            }

            if (source.Time.GetUtcNow() >= deadline)
            {
                throw new ApiCallException("Graph", 200, "timeout", $"the audit log query {id} was still {query.Status} after {options.AuditQueryTimeout.TotalMinutes:0} min");
            }

            await Task.Delay(options.AuditPollInterval, source.Time, ct);
            query = await api.GetAsync(queryUrl, WireJson.Default.AuditQueryWire, ct);
        }

        var partial = await PagedRead.EachPageAsync(
            new Uri(queryUrl.AbsoluteUri + "/records?$top=1000"),
            (url, token) => api.GetAsync(url, WireJson.Default.ODataPageJsonElement, token),
            page => page.NextLink,
            (page, token) => ledger.AddAsync(page.Value.Select(Map).OfType<MailboxAuditRecord>().ToList(), token),
            Requirement,
            ct);
        if (query.IsRecordCountLimitExceeded == true)
        {
            var limit = query.RecordCountLimit is { } n ? n.ToString(CultureInfo.InvariantCulture) : "its";
            partial = (partial is null ? "" : partial + "; ")
                + $"the audit query hit {limit} record limit (isRecordCountLimitExceeded): records after the limit are missing; narrow the window";
        }

        return partial;
    }

    /// <summary>auditData is an open type (defaultAuditData): read its fields by name (m365-apis.md §3.1 [S30]).</summary>
    private static MailboxAuditRecord? Map(JsonElement row)
    {
        if (ExchangeRow.Text(row, "id") is not { } id
            || !DateTimeOffset.TryParse(ExchangeRow.Text(row, "createdDateTime"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
        {
            return null;
        }

        var data = row.TryGetProperty("auditData", out var d) && d.ValueKind == JsonValueKind.Object ? d : default;
        string? Data(string name) => data.ValueKind == JsonValueKind.Object ? ExchangeRow.Text(data, name) : null;
        var userId = ExchangeRow.Text(row, "userId");
        return new MailboxAuditRecord(
            id,
            at.ToUniversalTime(),
            ExchangeRow.Text(row, "operation") ?? Data("Operation") ?? "",
            Data("MailboxOwnerUPN") ?? ExchangeRow.Text(row, "userPrincipalName") ?? userId ?? "",
            Data("AppId") ?? Data("ClientAppId"),
            userId);
    }
}
