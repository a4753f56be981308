using System.Text.Json.Serialization;

namespace Compliance.Reports.Json;

/// <summary>
/// Source-generated so the machine outputs need no reflection and their shape is fixed at compile
/// time. Nulls are written on purpose: contract.md shows <c>"reason": null</c>, and a missing key
/// would read as "field dropped" to a consumer.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(FindingsFileDto))]
[JsonSerializable(typeof(EvidenceManifest))]
internal sealed partial class ReportsJsonContext : JsonSerializerContext;
