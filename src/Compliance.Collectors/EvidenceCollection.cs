using Compliance.Collectors.Internal;
using Compliance.Collectors.Sources;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors;

/// <summary>
/// Collects every evidence source of one tenant. The sources are independent and run concurrently; each one yields
/// records or a NotCollected result with its reason, never both, and a failing source never aborts the others.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Public name fixed by the composition root's contract; it is a collection run, not a collection type.")]
public sealed class EvidenceCollection(TenantConnection connection, IRawEvidenceSink sink, TimeProvider time)
{
    public async Task<CollectedEvidence> CollectAsync(IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var applications = Report(new ApplicationsCollector(connection, Context(EvidenceSources.Applications)).CollectAsync(ct), progress);
        var servicePrincipals = Report(new ServicePrincipalsCollector(connection, Context(EvidenceSources.ServicePrincipals)).CollectAsync(ct), progress);
        var grants = Report(new AppRoleGrantsCollector(connection, Context(EvidenceSources.AppRoleGrants)).CollectAsync(ct), progress);
        var policies = Report(new AccessPoliciesCollector(connection, Context(EvidenceSources.AccessPolicies)).CollectAsync(ct), progress);
        await Task.WhenAll(applications, servicePrincipals, grants, policies);

        return new CollectedEvidence(
            [applications.Result.Result, servicePrincipals.Result.Result, grants.Result.Result, policies.Result.Result],
            applications.Result.Records,
            servicePrincipals.Result.Records,
            grants.Result.Records,
            policies.Result.Records);
    }

    private SourceContext Context(string name) => new(name, sink, time);

    private static async Task<SourceOutcome<T>> Report<T>(Task<SourceOutcome<T>> task, IProgress<string>? progress)
    {
        var outcome = await task;
        var r = outcome.Result;
        progress?.Report(r.State == SourceState.NotCollected
            ? $"{r.Name}: not collected — {r.Reason}"
            : $"{r.Name}: {r.Records} record(s), {r.Requests} request(s), {r.DurationMs} ms{(r.Reason is null ? "" : " — " + r.Reason)}");
        return outcome;
    }
}
