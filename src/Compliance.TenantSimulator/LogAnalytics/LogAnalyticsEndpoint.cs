using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Compliance.TenantSimulator.Model;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Compliance.TenantSimulator.LogAnalytics;

/// <summary>
/// POST /v1/workspaces/{id}/query (m365-apis.md §1.4): {"query","timespan"} → {"tables":[{"name":"PrimaryResult","columns","rows"}]}.
/// The workspace keeps sign-ins beyond Entra's 30 days, so long-unused apps show here only — but only since its data start
/// (fixture activity.logAnalytics.dataSince): older rows are not served. ResultType is the error code as a string ("0" = success; §1.3 UNCONFIRMED).
/// </summary>
internal static class LogAnalyticsEndpoint
{
    private static readonly (string Name, string Type)[] Columns =
    [
        ("TenantId", "string"), ("TimeGenerated", "datetime"), ("Id", "string"), ("AppId", "string"), ("ServicePrincipalId", "string"), ("ServicePrincipalName", "string"),
        ("ServicePrincipalCredentialKeyId", "string"), ("ServicePrincipalCredentialThumbprint", "string"), ("FederatedCredentialId", "string"),
        ("ResourceDisplayName", "string"), ("ResourceIdentity", "string"), ("ResourceServicePrincipalId", "string"), ("IPAddress", "string"),
        ("LocationDetails", "dynamic"), ("ResultType", "string"), ("ResultSignature", "string"), ("ResultDescription", "string"),
        ("ConditionalAccessStatus", "string"), ("CorrelationId", "string"), ("UniqueTokenIdentifier", "string"), ("Category", "string"), ("Type", "string"),
        ("ClientCredentialType", "string"),
    ];

    public static void Map(WebApplication app, SimulatorState state) =>
        app.MapPost("/v1/workspaces/{workspace}/query", (HttpContext c, string workspace) => HandleAsync(c, state));

    private static async Task HandleAsync(HttpContext context, SimulatorState state)
    {
        if (!await AccessGuard.AuthorizeAsync(context, state, TokenAudience.LogAnalytics, "logAnalytics"))
        {
            return;
        }

        string? text = null, timespan = null;
        try
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            text = body?["query"]?.GetValue<string>();
            timespan = body?["timespan"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // falls through to the missing-query error
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            await ErrorAsync(context, "The request had some invalid properties", "BadArgumentError", "query is required");
            return;
        }

        var now = state.Time.GetUtcNow();
        var names = Columns.Select(c => c.Name).ToList();
        KqlQuery query;
        (DateTimeOffset From, DateTimeOffset To) window;
        try
        {
            query = KqlQuery.Parse(text, now, names);
            window = Window(timespan, now);
        }
        catch (FormatException e)
        {
            await ErrorAsync(context, "The request had some invalid properties", "BadArgumentError", e.Message);
            return;
        }

        var dataSince = state.Fixture.Activity.LogAnalyticsDataSince ?? DateTimeOffset.MinValue;
        IEnumerable<object?[]> rows = state.Fixture.Activity.SignIns
            .Where(s => s.CreatedDateTime >= window.From && s.CreatedDateTime <= window.To && s.CreatedDateTime >= dataSince)
            .Select(s => Row(s, state.Fixture.TenantId))
            .Where(r => query.Conditions.All(c => Holds(r[names.IndexOf(c.Column)], c.Op, c.Value)));
        if (query.Summary is { } summary)
        {
            await WriteTableAsync(context, [(summary.Alias, Columns[names.IndexOf(summary.Column)].Type)], [[Aggregate(rows, names.IndexOf(summary.Column), summary.Function)]]);
            return;
        }

        if (query.Order is { } order)
        {
            var i = names.IndexOf(order.Column);
            rows = order.Descending ? rows.OrderByDescending(r => r[i]?.ToString(), StringComparer.Ordinal) : rows.OrderBy(r => r[i]?.ToString(), StringComparer.Ordinal);
        }

        // The query API caps a result at 500,000 records (§1.4).
        rows = rows.Take(Math.Min(query.Take ?? 500_000, 500_000));
        var projection = query.Projection ?? names;
        var indexes = projection.Select(p => names.IndexOf(p)).ToArray();
        await WriteTableAsync(context, indexes.Select(i => Columns[i]), rows.Select(r => indexes.Select(i => r[i]).ToArray()));
    }

    private static Task WriteTableAsync(HttpContext context, IEnumerable<(string Name, string Type)> columns, IEnumerable<object?[]> rows)
    {
        var table = new JsonObject
        {
            ["name"] = "PrimaryResult",
            ["columns"] = new JsonArray(columns.Select(c => (JsonNode?)new JsonObject { ["name"] = c.Name, ["type"] = c.Type }).ToArray()),
            ["rows"] = new JsonArray(rows.Select(r => (JsonNode?)new JsonArray(r.Select(Cell).ToArray())).ToArray()),
        };
        return JsonReply.WriteAsync(context, 200, new JsonObject { ["tables"] = new JsonArray(table) }, "application/json; charset=utf-8");
    }

    /// <summary>min/max of one column; null over no rows, as Kusto's summarize without "by" still answers one row.</summary>
    private static DateTimeOffset? Aggregate(IEnumerable<object?[]> rows, int column, string function)
    {
        // One pass, nothing held: a generated tenant's million rows stream through.
        DateTimeOffset? result = null;
        foreach (var value in rows.Select(r => r[column]).OfType<DateTimeOffset>())
        {
            result = result is not { } best || (function == "min" ? value < best : value > best) ? value : best;
        }

        return result;
    }

    private static object?[] Row(SimSignIn s, string tenantId) =>
    [
        tenantId, s.CreatedDateTime, s.Id, s.AppId, s.ServicePrincipalId, s.AppDisplayName, s.CredentialKeyId ?? "", "", "",
        s.ResourceDisplayName, s.ResourceAppId, "", s.IpAddress, "{\"city\":\"London\",\"countryOrRegion\":\"GB\"}",
        s.ErrorCode.ToString(CultureInfo.InvariantCulture), s.ErrorCode == 0 ? "SUCCESS" : "FAILURE", s.ErrorCode == 0 ? "" : "AADSTS" + s.ErrorCode.ToString(CultureInfo.InvariantCulture),
        "notApplied", Fixture.FixtureBuilder.DeterministicGuid(s.Id, "correlation"), s.Id[..22], "ServicePrincipalSignInLogs", "AADServicePrincipalSignInLogs",
        s.ClientCredentialType ?? "",
    ];

    private static bool Holds(object? cell, string op, object literal)
    {
        int? c = (cell, literal) switch
        {
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            (string a, long b) when long.TryParse(a, CultureInfo.InvariantCulture, out var n) => n.CompareTo(b),
            (string a, string b) => op == "=~" ? (string.Equals(a, b, StringComparison.OrdinalIgnoreCase) ? 0 : 1) : string.CompareOrdinal(a, b),
            _ => null,
        };
        return c is { } v && op switch
        {
            "==" or "=~" => v == 0,
            "!=" => v != 0,
            ">" => v > 0,
            ">=" => v >= 0,
            "<" => v < 0,
            _ => v <= 0,
        };
    }

    private static JsonNode? Cell(object? value) => value switch
    {
        DateTimeOffset d => d.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
        string s => s,
        _ => null,
    };

    /// <summary>ISO 8601 duration ("P1D", "PT24H") ending now, or an interval "start/end"; absent = everything.</summary>
    private static (DateTimeOffset, DateTimeOffset) Window(string? timespan, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(timespan))
        {
            return (DateTimeOffset.MinValue, DateTimeOffset.MaxValue);
        }

        var parts = timespan.Split('/');
        if (parts.Length == 2)
        {
            return (DateTimeOffset.Parse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal), DateTimeOffset.Parse(parts[1], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        }

        return (now - XmlConvert.ToTimeSpan(timespan), now);
    }

    private static Task ErrorAsync(HttpContext context, string message, string code, string inner) =>
        JsonReply.WriteAsync(context, 400, new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["message"] = message,
                ["code"] = code,
                ["correlationId"] = Guid.NewGuid().ToString(),
                ["innererror"] = new JsonObject { ["code"] = "SemanticError", ["message"] = inner },
            },
        }, "application/json; charset=utf-8");
}
