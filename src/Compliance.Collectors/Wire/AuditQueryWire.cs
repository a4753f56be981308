using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>
/// security.auditLogQuery (m365-apis.md §3.1 [S15b]): status notStarted/running/succeeded/failed/cancelled, and
/// isRecordCountLimitExceeded — a query can "succeed" with its records cut off.
/// </summary>
internal sealed class AuditQueryWire
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("status")]
    public string? Status { get; set; }

    [JsonPropertyName("isRecordCountLimitExceeded")]
    public bool? IsRecordCountLimitExceeded { get; set; }

    [JsonPropertyName("recordCountLimit")]
    public long? RecordCountLimit { get; set; }
}
