using System.Text.Json;
using System.Text.Json.Nodes;
using Compliance.Collectors.Internal;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace Compliance.Collectors.Delta;

/// <summary>
/// One page of a delta round, read through the Graph SDK's request adapter (its middleware: auth, retry, pacing,
/// raw-page capture) but kept as JSON: a change carries only the properties that changed, "@removed" and
/// members@delta (learn: graph/delta-query-overview, "Resource representation in the delta query response"), which
/// the typed models cannot tell apart from absent or null values.
/// </summary>
internal sealed record GraphDeltaPage(IReadOnlyList<JsonObject> Value, string? NextLink, string? DeltaLink)
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors = new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public static async Task<GraphDeltaPage> GetAsync(GraphServiceClient client, RequestInformation request, string source, CancellationToken ct)
    {
        await using var stream = await client.RequestAdapter.SendPrimitiveAsync<Stream>(request, Errors, ct)
            ?? throw new MalformedPageException($"{source}: delta page with an empty body");
        JsonObject page;
        try
        {
            page = await JsonNode.ParseAsync(stream, cancellationToken: ct) as JsonObject ?? throw new MalformedPageException($"{source}: delta page is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new MalformedPageException($"{source}: delta page is not well-formed JSON", e);
        }

        var value = (page["value"] as JsonArray ?? throw new MalformedPageException($"{source}: delta page without a value array"))
            .OfType<JsonObject>().ToList();
        return new GraphDeltaPage(value, (string?)page["@odata.nextLink"], (string?)page["@odata.deltaLink"]);
    }
}
