using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// What the in-scope mailboxes actually sent: Graph v1.0 admin/exchange/tracing/messageTraces (m365-apis.md §2.1).
/// One sender per query (Graph honours one value per property and ignores "or", [S35]), windows of at most 10 days,
/// never more than 90 days back, $top=5000, paced to 100 requests per 5 minutes. A watermark per sender means a
/// sender added to the register is read for the whole window while the others read only what is new. A 401 here
/// usually means the Transport Data Platform service principal was never provisioned.
/// </summary>
internal sealed class MessageTraceCollector(TenantConnection connection, SourceContext source, ReviewWindow window, CollectionOptions options, IIncrementalStore? store)
{
    /// <summary>Microsoft's first-party message trace app whose service principal must exist in the tenant (m365-apis.md §2.1 [S11][S12]).</summary>
    public const string TransportDataPlatformAppId = "8bd644d1-64a1-4d4b-ae52-2e0cbf64e373";

    private static readonly SourceRequirement Requirement = SourceRequirement.Graph(
        "ExchangeMessageTrace.Read.All",
        prerequisiteOn401: $"Provision the message trace service principal once: POST /v1.0/servicePrincipals with {{\"appId\": \"{TransportDataPlatformAppId}\"}} "
        + "(or New-MgServicePrincipal -AppId " + TransportDataPlatformAppId + "); it can take hours to propagate");

    public Task<ActivityOutcome<MessageTraceRecord>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunActivityAsync(source, Requirement, async token =>
        {
            if (options.SenderAddresses.Count == 0)
            {
                throw new SourceNotCollectedException(
                    "no sender addresses to trace: give the approved senders of the register (and the mailboxes in scope) to the collection");
            }

            var ledger = new ActivityLedger<MessageTraceRecord>(
                store, connection.TenantId, EvidenceSources.MessageTrace, ActivityJson.Default.MessageTraceRecord, RecordId);
            var problems = new List<string>();
            // Message trace keeps 90 days (m365-apis.md §2.1); a window reaching further back cannot be complete.
            var oldest = source.Time.GetUtcNow() - options.MessageTraceRetention + TimeSpan.FromMinutes(5);
            if (window.Start < oldest)
            {
                problems.Add($"message trace keeps 90 days: {ODataTime.Format(window.Start)}–{ODataTime.Format(oldest)} is no longer available");
            }

            using var http = SourceHttp.Create(connection, source, connection.Endpoints.GraphScope);
            var api = new JsonApi(http, "Graph");
            var read = 0;
            foreach (var sender in options.SenderAddresses.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            {
                var key = $"{EvidenceSources.MessageTrace}:{sender.ToLowerInvariant()}";
                if (await ledger.PlanAsync(key, window, options.IncrementalOverlap, token) is not { } range)
                {
                    continue;
                }

                var from = range.From < oldest ? oldest : range.From;
                string? failure = null;
                try
                {
                    for (var start = from; start < range.To && failure is null; start += options.MessageTraceSlice)
                    {
                        var end = start + options.MessageTraceSlice < range.To ? start + options.MessageTraceSlice : range.To;
                        failure = await ReadSliceAsync(api, sender, start, end, ledger, token);
                    }
                }
                catch (Exception e) when (read > 0 && e is not OperationCanceledException)
                {
                    failure = FailureReason.Describe(e, Requirement);
                }

                if (failure is null)
                {
                    await ledger.CompleteAsync(key, range, token);
                    read++;
                }
                else
                {
                    problems.Add($"{sender}: {failure}");
                }
            }

            return (await ledger.ReadWindowAsync(window, token), problems.Count == 0 ? null : string.Join("; ", problems));
        }, ct);

    private async Task<string?> ReadSliceAsync(JsonApi api, string sender, DateTimeOffset from, DateTimeOffset to, ActivityLedger<MessageTraceRecord> ledger, CancellationToken ct)
    {
        var filter = $"senderAddress eq '{sender.Replace("'", "''", StringComparison.Ordinal)}' and receivedDateTime ge {ODataTime.Format(from)} and receivedDateTime le {ODataTime.Format(to)}";
        var first = new Uri($"{connection.Endpoints.GraphBaseUrl.AbsoluteUri.TrimEnd('/')}/admin/exchange/tracing/messageTraces?$filter={Uri.EscapeDataString(filter)}&$top=5000");
        return await PagedRead.EachPageAsync(
            first,
            (url, token) => api.GetAsync(url, WireJson.Default.ODataPageMessageTraceWire, token),
            page => page.NextLink,
            (page, token) => ledger.AddAsync(page.Value.Where(m => m.Id is not null).Select(Map).ToList(), token),
            Requirement,
            ct);
    }

    private static MessageTraceRecord Map(MessageTraceWire m) => new(
        m.Id!, m.ReceivedDateTime, m.SenderAddress ?? "", m.RecipientAddress ?? "", m.Status ?? "", m.Subject, m.Size);

    /// <summary>One trace row per recipient: the id alone may repeat across recipients of one message.</summary>
    private static string RecordId(MessageTraceRecord r) => $"{r.Id}|{r.RecipientAddress.ToLowerInvariant()}";
}
