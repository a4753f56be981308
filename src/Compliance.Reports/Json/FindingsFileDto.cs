namespace Compliance.Reports.Json;

/// <summary>
/// The root of findings.json (contract.md). Property order here is the order in the file. Resolved and
/// Waivers came later and are additive, so the schema version stays 1.
/// </summary>
internal sealed record FindingsFileDto(
    int SchemaVersion,
    DateTimeOffset AsOf,
    RunDto Run,
    IReadOnlyList<SourceDto> Sources,
    IReadOnlyList<ControlDto> Controls,
    IReadOnlyList<FindingDto> Findings,
    IReadOnlyList<ResolvedDto> Resolved,
    IReadOnlyList<WaiverDto> Waivers);
