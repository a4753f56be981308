using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Azure.Core;
using Compliance.Collectors;
using Microsoft.Data.Sqlite;

namespace Compliance.Benchmarks.Scenarios;

/// <summary>
/// The floor of sign-in ingest on this machine: the same pages fetched with a plain HttpClient, parsed with
/// System.Text.Json (source-generated), each record re-serialised and upserted with one prepared SQLite command, one
/// transaction per page — the least any collector must do. No pacing, no raw-page evidence, no retry, no ledger.
/// </summary>
internal static class IngestFloor
{
    public static async Task<(long Records, double Seconds)> RunAsync(TenantConnection connection, string thumbprint, ReviewWindow window, string databasePath, CancellationToken ct)
    {
        var token = await connection.Credential.GetTokenAsync(new TokenRequestContext([connection.Endpoints.GraphScope]), ct);
        using var http = new HttpClient(Compliance.Collectors.PinnedCertificate.Handler(thumbprint).Invoke());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
        await using var db = new SqliteConnection($"Data Source={databasePath}");
        await db.OpenAsync(ct);
        await using (var pragma = db.CreateCommand())
        {
            pragma.CommandText = """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;
                CREATE TABLE IF NOT EXISTS activity_records (tenant_id TEXT NOT NULL, source TEXT NOT NULL, id TEXT NOT NULL, occurred_at TEXT NOT NULL,
                    json TEXT NOT NULL, PRIMARY KEY (tenant_id, source, id));
                CREATE INDEX IF NOT EXISTS ix_activity_records_time ON activity_records(tenant_id, source, occurred_at);
                """;
            await pragma.ExecuteNonQueryAsync(ct);
        }

        await using var insert = db.CreateCommand();
        insert.CommandText = """
            INSERT INTO activity_records (tenant_id, source, id, occurred_at, json) VALUES ($t, 'signIns', $id, $at, $json)
            ON CONFLICT (tenant_id, source, id) DO UPDATE SET occurred_at = excluded.occurred_at, json = excluded.json
            """;
        var pt = insert.Parameters.Add("$t", SqliteType.Text);
        var pid = insert.Parameters.Add("$id", SqliteType.Text);
        var pat = insert.Parameters.Add("$at", SqliteType.Text);
        var pjson = insert.Parameters.Add("$json", SqliteType.Text);
        pt.Value = connection.TenantId;
        insert.Prepare();

        var filter = "signInEventTypes/any(t: t eq 'servicePrincipal') and createdDateTime ge " + window.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture)
            + " and createdDateTime lt " + window.End.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        string? url = $"{connection.Endpoints.GraphBetaUrl.AbsoluteUri}/auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}&$top=1000";
        long records = 0;
        var watch = Stopwatch.StartNew();
        while (url is not null)
        {
            await using var stream = await http.GetStreamAsync(new Uri(url), ct);
            var page = await JsonSerializer.DeserializeAsync(stream, FloorJson.Default.FloorPage, ct) ?? throw new InvalidDataException("empty page");
            await using var transaction = (SqliteTransaction)await db.BeginTransactionAsync(ct);
            insert.Transaction = transaction;
            foreach (var s in page.Value)
            {
                pid.Value = s.Id;
                pat.Value = s.CreatedDateTime.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture);
                pjson.Value = JsonSerializer.Serialize(s, FloorJson.Default.FloorSignIn);
                await insert.ExecuteNonQueryAsync(ct);
            }

            await transaction.CommitAsync(ct);
            records += page.Value.Count;
            url = page.NextLink;
        }

        return (records, watch.Elapsed.TotalSeconds);
    }
}

internal sealed class FloorPage
{
    [JsonPropertyName("value")]
    public List<FloorSignIn> Value { get; set; } = [];

    [JsonPropertyName("@odata.nextLink")]
    public string? NextLink { get; set; }
}

internal sealed class FloorSignIn
{
    [JsonPropertyName("id")]
    public string Id { get; set; } = "";

    [JsonPropertyName("createdDateTime")]
    public DateTimeOffset CreatedDateTime { get; set; }

    [JsonPropertyName("appId")]
    public string? AppId { get; set; }

    [JsonPropertyName("ipAddress")]
    public string? IpAddress { get; set; }

    [JsonPropertyName("status")]
    public FloorStatus? Status { get; set; }

    [JsonPropertyName("clientCredentialType")]
    public string? ClientCredentialType { get; set; }

    [JsonPropertyName("servicePrincipalCredentialKeyId")]
    public string? ServicePrincipalCredentialKeyId { get; set; }

    [JsonPropertyName("resourceDisplayName")]
    public string? ResourceDisplayName { get; set; }
}

internal sealed class FloorStatus
{
    [JsonPropertyName("errorCode")]
    public int ErrorCode { get; set; }

    [JsonPropertyName("failureReason")]
    public string? FailureReason { get; set; }
}

[JsonSerializable(typeof(FloorPage))]
internal sealed partial class FloorJson : JsonSerializerContext;
