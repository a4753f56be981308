using System.Globalization;
using System.Text.Json;
using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Sign-ins from AADServicePrincipalSignInLogs through the Log Analytics query API (m365-apis.md §1.3–§1.4): one
/// query per day, so each answer stays far below the 500,000-record and ~100 MiB per-query limits, and a day that
/// fails is named rather than silently missing. Columns are matched by name, never by position.
/// ClientCredentialType is not in the 2023 table reference, so it is read with column_ifexists.
/// A workspace keeps only its retention, and only since its diagnostic setting was created, so its coverage is
/// measured rather than assumed (<see cref="CoverageAsync"/>).
/// </summary>
internal sealed class LogAnalyticsSignIns(TenantConnection connection, JsonApi api, LogAnalyticsWorkspace workspace)
{
    private static readonly TimeSpan Slice = TimeSpan.FromDays(1);

    /// <summary>The column the coverage query names the earliest row in.</summary>
    private const string Earliest = "Earliest";

    internal const string CoverageQuery = $"AADServicePrincipalSignInLogs | summarize {Earliest} = min(TimeGenerated)";

    /// <summary>
    /// Where the workspace's sign-in rows begin within the review window: the earliest row of any app, so coverage is
    /// never overstated (an app quiet at the start only makes it later). One query over the whole window, whatever the
    /// incremental plan reads. No rows, or an answer that cannot be trusted, covers nothing.
    /// </summary>
    public async Task<LogCoverage> CoverageAsync(ReviewWindow window, CancellationToken ct)
    {
        var response = await QueryAsync(CoverageQuery, window.Start, window.End, ct);
        if (response.Error is { } error)
        {
            return new LogCoverage(window.End, $"the coverage query answered Log Analytics {error.Code}: {error.Message}, so no coverage is assumed");
        }

        var table = response.Tables.FirstOrDefault();
        var column = table?.Columns.FindIndex(c => string.Equals(c.Name, Earliest, StringComparison.OrdinalIgnoreCase)) ?? -1;
        var cell = column < 0 || table!.Rows.Count == 0 || column >= table.Rows[0].Count ? default : table.Rows[0][column];
        if (cell.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            // Kusto answers a summarize without "by" over no rows with one row whose value is null.
            return new LogCoverage(window.End, "the workspace holds no AADServicePrincipalSignInLogs rows in the review window, so nothing is covered");
        }

        if (cell.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(cell.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var earliest))
        {
            return new LogCoverage(window.End, $"the coverage query answered {Earliest} = {cell.GetRawText()}, not a date, so no coverage is assumed");
        }

        earliest = earliest.ToUniversalTime();
        return new LogCoverage(
            earliest > window.Start ? earliest : window.Start,
            $"the workspace's earliest AADServicePrincipalSignInLogs row in the review window is from {earliest:yyyy-MM-dd HH:mm} UTC");
    }

    public async Task<string?> ReadAsync(CoveredRange range, ActivityLedger<ServicePrincipalSignIn> ledger, CancellationToken ct)
    {
        var problems = new List<string>();
        for (var from = range.From; from < range.To; from += Slice)
        {
            var to = from + Slice < range.To ? from + Slice : range.To;
            LogAnalyticsResponse response;
            try
            {
                response = await QueryAsync(Query(from, to), from, to, ct);
            }
            catch (Exception e) when (from > range.From && e is not OperationCanceledException)
            {
                problems.Add($"{Iso(from)}–{Iso(to)} failed: {FailureReason.Describe(e, new SourceRequirement("Log Analytics Reader", PermissionGuide.LogAnalyticsReader))}");
                continue;
            }

            if (response.Error is { } error)
            {
                // HTTP 200 with a PartialError: some rows are missing (m365-apis.md §1.4 [S9b]).
                problems.Add($"{Iso(from)}–{Iso(to)}: Log Analytics {error.Code}: {error.Message}");
            }

            var table = response.Tables.FirstOrDefault();
            if (table is not null)
            {
                await ledger.AddAsync(Map(table), ct);
            }
        }

        return problems.Count == 0 ? null : "incomplete: " + string.Join("; ", problems);
    }

    private Task<LogAnalyticsResponse> QueryAsync(string query, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var url = new Uri(connection.Endpoints.LogAnalyticsBaseUrl, $"v1/workspaces/{Uri.EscapeDataString(workspace.WorkspaceId)}/query");
        var body = JsonSerializer.Serialize(new Dictionary<string, string> { ["query"] = query, ["timespan"] = $"{Iso(from)}/{Iso(to)}" });
        return api.PostAsync(url, body, WireJson.Default.LogAnalyticsResponse, ct);
    }

    internal static string Query(DateTimeOffset from, DateTimeOffset to) =>
        $"AADServicePrincipalSignInLogs | where TimeGenerated >= datetime({Iso(from)}) and TimeGenerated < datetime({Iso(to)}) "
        + "| project Id, TimeGenerated, AppId, IPAddress, ResultType, ResultDescription, ServicePrincipalCredentialKeyId, ResourceDisplayName, "
        + "ClientCredentialType = column_ifexists(\"ClientCredentialType\", \"\")";

    private static List<ServicePrincipalSignIn> Map(LogAnalyticsTable table)
    {
        var index = table.Columns.Select((c, i) => (c.Name, i)).ToDictionary(x => x.Name, x => x.i, StringComparer.OrdinalIgnoreCase);
        string? Text(List<JsonElement> row, string column) =>
            index.TryGetValue(column, out var i) && i < row.Count && row[i].ValueKind == JsonValueKind.String ? row[i].GetString() : null;

        var result = new List<ServicePrincipalSignIn>(table.Rows.Count);
        foreach (var row in table.Rows)
        {
            if (Text(row, "Id") is not { Length: > 0 } id
                || !DateTimeOffset.TryParse(Text(row, "TimeGenerated"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                continue;
            }

            var resultType = Text(row, "ResultType");
            var code = SignInsCollector.ParseErrorCode(resultType);
            result.Add(new ServicePrincipalSignIn(
                id, at.ToUniversalTime(), Text(row, "AppId") ?? "", Text(row, "IPAddress"), code, code == 0 ? null : Text(row, "ResultDescription"),
                SignInsCollector.EmptyToNull(Text(row, "ClientCredentialType")), SignInsCollector.EmptyToNull(Text(row, "ServicePrincipalCredentialKeyId")),
                Text(row, "ResourceDisplayName")));
        }

        return result;
    }

    private static string Iso(DateTimeOffset value) => ODataTime.Format(value);
}
