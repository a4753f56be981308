using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Review;

/// <summary>Everything the published documents (PDF, XLSX, findings.json) are rendered from.</summary>
public sealed record ReviewDocument(RunInfo Run, EvidenceSnapshot Evidence, EvaluationResult Evaluation)
{
    /// <summary>Waivers relevant to this run: active, expiring within 30 days, expired this period.</summary>
    public IReadOnlyList<WaiverInfo> Waivers { get; init; } = [];

    /// <summary>The sign-off, once the run is attested (the attestation page is blank until then).</summary>
    public AttestationInfo? Attestation { get; init; }

    /// <summary>Up to 12 earlier runs of the tenant, oldest first, plus this one last.</summary>
    public IReadOnlyList<RunTrendPoint> Trend { get; init; } = [];

    /// <summary>Findings open in the previous run and gone now.</summary>
    public IReadOnlyList<Finding> ResolvedFindings { get; init; } = [];
}
