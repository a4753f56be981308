using BenchmarkDotNet.Attributes;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Rules.Opath;
using Compliance.Rules.Policy;
using Compliance.Rules.Evidence;

namespace Compliance.Benchmarks.Micro;

/// <summary>
/// Micro-benchmarks of the per-record hot paths: a fingerprint per finding, an OPATH parse per management scope, and
/// the whole catalogue over an empty tenant (the evaluator's fixed cost).
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822", Justification = "BenchmarkDotNet measures instance methods.")]
[MemoryDiagnoser]
[ShortRunJob]
public class HotPathBenchmarks
{
    private readonly EvidenceSnapshot empty = new("bench", new DateTimeOffset(2026, 11, 29, 0, 0, 0, TimeSpan.Zero), [], [], [], [], [], []);

    [Benchmark]
    public string Fingerprint() => FindingFingerprint.Of("CRED-002", "11111111-1111-4111-8111-000000000001", "c0000000-0000-4000-8000-000000000102");

    [Benchmark]
    public OpathExpression OpathParse() =>
        OpathFilter.Parse("(MemberOfGroup -eq 'CN=servicedesk,OU=contoso.example') -and (CustomAttribute5 -eq 'newsletter' -or Department -like 'Fin*')");

    [Benchmark]
    public EvaluationResult EvaluateEmptyTenant() => new Evaluator(RuleCatalog.All).Evaluate(empty, new CompliancePolicy(), FindingHistory.None);
}
