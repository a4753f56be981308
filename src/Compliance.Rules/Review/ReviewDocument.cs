using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Review;

/// <summary>Everything the published documents (PDF, XLSX, findings.json) are rendered from.</summary>
public sealed record ReviewDocument(RunInfo Run, EvidenceSnapshot Evidence, EvaluationResult Evaluation);
