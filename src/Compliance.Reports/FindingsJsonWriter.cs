using System.Text.Json;
using Compliance.Reports.Json;
using Compliance.Rules.Review;

namespace Compliance.Reports;

/// <summary>Writes findings.json, the machine interface of a run (contract.md "findings.json").</summary>
public sealed class FindingsJsonWriter
{
    /// <summary>Bumped whenever a consumer would have to change; additive fields keep the version.</summary>
    public const int SchemaVersion = 1;

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public Task WriteAsync(ReviewDocument document, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        return JsonSerializer.SerializeAsync(output, ToDto(document), ReportsJsonContext.Default.FindingsFileDto, ct);
    }

    // Order is the model's order: the engine already sorts, and re-sorting here would make the
    // JSON disagree with the PDF and workbook.
    private static FindingsFileDto ToDto(ReviewDocument document)
    {
        var run = document.Run;
        return new FindingsFileDto(
            SchemaVersion,
            document.Evidence.AsOf,
            new RunDto(run.Id, run.Tenant, run.TenantId, run.Period, run.StartedAt, run.CompletedAt, ContractNames.Of(run.Status)),
            [.. document.Evidence.Sources.Select(s =>
                new SourceDto(s.Name, ContractNames.Of(s.State), s.Reason, s.Records, s.Requests, s.DurationMs, s.Pages, s.Retries, s.Throttled, s.Resyncs))],
            [.. document.Evaluation.Controls.Select(c => new ControlDto(
                c.Rule.Id, c.Rule.Title, ContractNames.Of(c.Rule.DefaultSeverity), ContractNames.Of(c.Outcome),
                c.Population, c.Failures, c.Reason))],
            [.. document.Evaluation.Findings.Select(t => new FindingDto(
                t.Finding.Fingerprint, t.Finding.RuleId, ContractNames.Of(t.Finding.Severity), ContractNames.Of(t.Status),
                t.Finding.ResourceType, t.Finding.ResourceId, t.Finding.ResourceName, t.Finding.Integration,
                t.Finding.Detail, t.Finding.Remediation, t.Finding.Evidence, t.Finding.Qualifier))],
            [.. document.ResolvedFindings.Select(f => new ResolvedDto(
                f.Fingerprint, f.RuleId, ContractNames.Of(f.Severity), f.ResourceType, f.ResourceId, f.ResourceName, f.Integration, f.Qualifier))],
            [.. document.Waivers.Select(w => new WaiverDto(
                w.Id, w.RuleId, w.ResourceId, w.Fingerprint, w.State, w.Reason, w.Approver, w.Ticket, w.CreatedAt, w.Until))]);
    }
}
