using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>
/// The query API's answer: tables of named columns and positional rows, plus an error object with code PartialError
/// when a query half-succeeds with HTTP 200 (m365-apis.md §1.4 [S9b]). Rows are matched to columns by name.
/// </summary>
internal sealed class LogAnalyticsResponse
{
    [JsonPropertyName("tables")]
    public List<LogAnalyticsTable> Tables { get; set; } = [];

    [JsonPropertyName("error")]
    public GraphErrorDetail? Error { get; set; }
}
