using System.Text.RegularExpressions;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// GET /v1.0/admin/exchange/tracing/messageTraces and …/{id}/getDetailsByRecipient(recipientAddress='…')
/// (m365-apis.md §2.1): receivedDateTime window at most 10 days, start within 90 days, end not in the future,
/// default the last 48 hours; $top 1–5000 (default 1000); 401 while the Transport Data Platform SP is missing.
/// </summary>
internal static partial class MessageTraceEndpoint
{
    private const string TransportDataPlatformAppId = "8bd644d1-64a1-4d4b-ae52-2e0cbf64e373";

    private static readonly CollectionSpec Spec = new("v1.0", "admin/exchange/tracing/messageTraces", ActivityJson.MessageFields, new Dictionary<string, string[]>
    {
        ["receivedDateTime"] = ["ge", "le"],
        ["senderAddress"] = ["eq"],
        ["recipientAddress"] = ["eq"],
        ["status"] = ["eq"],
        ["id"] = ["eq"],
        ["messageId"] = ["eq"],
        ["fromIP"] = ["eq"],
        ["toIP"] = ["eq"],
    }, DefaultTop: 1000, MaxTop: 5000)
    { EntityType = "exchangeMessageTrace" };

    [GeneratedRegex(@"^/v1\.0/admin/exchange/tracing/messageTraces/(?<id>[^/(]+)/getDetailsByRecipient\(recipientAddress='(?<r>[^']*)'\)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DetailPath();

    public static void Map(WebApplication app, SimulatorState state)
    {
        app.MapGet("/v1.0/admin/exchange/tracing/messageTraces", (HttpContext c) => ListAsync(c, state));
        app.MapGet("/v1.0/admin/exchange/tracing/messageTraces/{**rest}", (HttpContext c) => DetailsAsync(c, state));
    }

    private static async Task<bool> GuardAsync(HttpContext context, SimulatorState state)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.Graph, "messageTrace"))
        {
            return false;
        }

        if (state.Fixture.Failures.MessageTraceServicePrincipalMissing)
        {
            await GraphError.WriteAsync(context, state, 401, "Unauthorized", $"Service principal-less Authentication failed: the service principal of the Transport Data Platform app {TransportDataPlatformAppId} is not provisioned in this tenant.");
            return false;
        }

        return true;
    }

    private static async Task ListAsync(HttpContext context, SimulatorState state)
    {
        if (!await GuardAsync(context, state))
        {
            return;
        }

        var now = state.Time.GetUtcNow();
        DateTimeOffset start = now.AddHours(-48), end = now;
        await CollectionPage.WriteAsync(
            context,
            state,
            Spec,
            query =>
            {
                // The sender clause picks the rows from the index before they become JSON (the generic filter still runs
                // after, to the same effect): a request costs its sender's rows, not the large tenant's 500,000.
                var sender = query.Filter.FirstOrDefault(c => c.Path == "senderAddress" && c.Op == "eq")?.Literal;
                return (sender is null
                        ? state.Fixture.Activity.Messages.Where(m => m.ReceivedDateTime >= start && m.ReceivedDateTime <= end)
                        : state.MessageTrace.Value.Sent(sender, start, end))
                    .Select(ActivityJson.Message);
            },
            query =>
            {
                var ge = query.Filter.Where(c => c.Path == "receivedDateTime" && c.Op == "ge").Select(c => c.LiteralInstant).ToList();
                var le = query.Filter.Where(c => c.Path == "receivedDateTime" && c.Op == "le").Select(c => c.LiteralInstant).ToList();
                if (ge.Count > 1 || le.Count > 1 || ge.Concat(le).Any(d => d is null))
                {
                    return "Invalid filter: receivedDateTime takes one 'ge' and one 'le' ISO 8601 value.";
                }

                if (ge.Count + le.Count > 0)
                {
                    end = le.Count == 1 ? le[0]!.Value : now;
                    start = ge.Count == 1 ? ge[0]!.Value : end.AddHours(-48);
                }

                return start > end ? "The start date must be earlier than the end date."
                    : end - start > TimeSpan.FromDays(10) ? "The time range between receivedDateTime values must not exceed 10 days."
                    : start < now.AddDays(-90) ? "The start date must be within the last 90 days."
                    : end > now.AddMinutes(5) ? "The end date must not be in the future."
                    : null;
            });
    }

    private static async Task DetailsAsync(HttpContext context, SimulatorState state)
    {
        if (!await GuardAsync(context, state))
        {
            return;
        }

        var match = DetailPath().Match(Uri.UnescapeDataString(context.Request.Path.Value ?? ""));
        if (!match.Success)
        {
            await GraphError.WriteAsync(context, state, 400, "BadRequest", $"Resource not found for the segment '{context.Request.Path}'.");
            return;
        }

        var message = state.Fixture.Activity.Messages.FirstOrDefault(m => m.Id == match.Groups["id"].Value && string.Equals(m.RecipientAddress, match.Groups["r"].Value, StringComparison.OrdinalIgnoreCase));
        if (message is null)
        {
            await GraphError.WriteAsync(context, state, 404, "NotFound", $"No message trace '{match.Groups["id"].Value}' for recipient '{match.Groups["r"].Value}'.");
            return;
        }

        var spec = new CollectionSpec("v1.0", "Collection(microsoft.graph.exchangeMessageTraceDetail)", new HashSet<string>(["id", "messageTraceId", "messageId", "dateTime", "event", "action", "description", "data"], StringComparer.OrdinalIgnoreCase), CollectionSpec.NoFilter, DefaultTop: 1000, MaxTop: 5000);
        await CollectionPage.WriteAsync(context, state, spec, _ => ActivityJson.Details(message));
    }
}
