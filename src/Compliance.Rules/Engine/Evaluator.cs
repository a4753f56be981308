using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Engine;

/// <summary>
/// Runs every rule over a snapshot. A rule whose evidence was not collected is <see cref="ControlOutcome.NotEvaluated"/>
/// with the reason — never a pass on missing evidence. Active waivers turn findings into <i>waived</i>; a waiver that
/// has expired reopens the finding it covered.
/// </summary>
public sealed class Evaluator(IReadOnlyList<IRule> rules)
{
    public EvaluationResult Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, FindingHistory history, IReadOnlyList<Waiver>? waivers = null)
    {
        waivers ??= [];
        var derived = new DerivedEvidence(evidence);
        var controls = new List<ControlResult>();
        var findings = new List<TrackedFinding>();
        foreach (var rule in rules.OrderBy(r => r.Metadata.Id, StringComparer.Ordinal))
        {
            var missing = MissingEvidence(rule.Metadata, evidence);
            if (missing is not null)
            {
                controls.Add(new ControlResult(rule.Metadata, ControlOutcome.NotEvaluated, 0, 0, missing));
                continue;
            }

            var evaluation = rule.Evaluate(evidence, policy, derived);
            if (evaluation.NotEvaluatedReason is { } reason)
            {
                controls.Add(new ControlResult(rule.Metadata, ControlOutcome.NotEvaluated, 0, 0, reason));
                continue;
            }

            // A fingerprint identifies a finding across runs, so it must be unique within one: a rule that reports the same
            // rule + resource + qualifier twice reports one finding.
            var tracked = evaluation.Findings.DistinctBy(f => f.Fingerprint)
                .Select(f => new TrackedFinding(f, StatusOf(f, history, waivers, evidence.AsOf))).ToList();
            var undetermined = evaluation.Undetermined.Count == 0 ? null
                : $"not evaluated for {evaluation.Undetermined.Count} of {evaluation.Population}: {string.Join("; ", evaluation.Undetermined)}";
            var outcome = tracked.Count == 0 ? (undetermined is null ? ControlOutcome.Pass : ControlOutcome.NotEvaluated)
                : tracked.All(t => t.Status == FindingStatus.Waived) ? ControlOutcome.Waived
                : ControlOutcome.Fail;
            controls.Add(new ControlResult(rule.Metadata, outcome, evaluation.Population, tracked.Count, undetermined));
            findings.AddRange(tracked);
        }

        var current = findings.Select(f => f.Finding.Fingerprint).ToHashSet();
        var resolved = history.OpenInPreviousRun.Where(fp => !current.Contains(fp)).Order(StringComparer.Ordinal).ToList();
        var ordered = findings
            .OrderByDescending(f => f.Finding.Severity)
            .ThenBy(f => f.Finding.RuleId, StringComparer.Ordinal)
            .ThenBy(f => f.Finding.ResourceName, StringComparer.OrdinalIgnoreCase)
            .ThenBy(f => f.Finding.Qualifier, StringComparer.Ordinal)
            .ToList();
        return new EvaluationResult(controls, ordered, resolved) { Scopes = derived.Scopes };
    }

    private static FindingStatus StatusOf(Finding finding, FindingHistory history, IReadOnlyList<Waiver> waivers, DateTimeOffset asOf)
    {
        var covering = waivers.Where(w => w.Covers(finding)).ToList();
        if (covering.Any(w => w.IsActiveAt(asOf)))
        {
            return FindingStatus.Waived;
        }

        return covering.Any(w => w.IsExpiredAt(asOf)) ? FindingStatus.Reopened : history.StatusOf(finding);
    }

    private static string? MissingEvidence(RuleMetadata rule, EvidenceSnapshot evidence)
    {
        foreach (var name in rule.EvidenceSources)
        {
            var source = evidence.Source(name);
            if (source is null)
            {
                return $"evidence source '{name}' was not collected in this run";
            }

            if (source.State != SourceState.Collected)
            {
                return $"evidence source '{name}' is {Describe(source.State)}: {source.Reason}";
            }
        }

        return null;
    }

    private static string Describe(SourceState state) => state switch
    {
        SourceState.Partial => "only partly collected",
        _ => "not collected",
    };
}
