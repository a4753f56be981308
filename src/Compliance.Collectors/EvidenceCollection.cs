using Compliance.Collectors.Internal;
using Compliance.Collectors.Pacing;
using Compliance.Collectors.Sources;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors;

/// <summary>
/// Collects every evidence source of one tenant. The sources are independent and run concurrently, each paced to the
/// Microsoft budget it draws on; each one yields records or a NotCollected result with its reason, never both, and a
/// failing source never aborts the others. Activity sources (sign-ins, message trace, audit) cover
/// <paramref name="window"/> and, with an <paramref name="store"/>, read only what is new since their watermark;
/// directory sources read through Graph's delta function merge only the changes since their deltaLink in
/// <paramref name="directoryStore"/>; the sign-in activity report, with <paramref name="activityStore"/>, reads only the
/// entries dated since its last read and merges them into its stored copy.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1711", Justification = "Public name fixed by the composition root's contract; it is a collection run, not a collection type.")]
public sealed class EvidenceCollection(
    TenantConnection connection, IRawEvidenceSink sink, TimeProvider time, ReviewWindow window, CollectionOptions? options = null, IIncrementalStore? store = null,
    IDirectoryDeltaStore? directoryStore = null, ISignInActivityStore? activityStore = null)
{
    private readonly CollectionOptions options = options ?? CollectionOptions.Default;

    public async Task<CollectedEvidence> CollectAsync(IProgress<string>? progress, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(window);
        using var pacers = new TenantPacers(options.Pacing, time);
        var retry = new RetryPolicy(options.MaxRetries, options.MaxRetryDelay);
        SourceContext Directory(string name) => new(name, sink, time, pacers.Directory, DirectoryCost.Of, retry);
        SourceContext Exchange(string name) => new(name, sink, time, pacers.ExchangeAdmin, null, retry);

        var appNames = new SharedStrings();
        var applications = Report(new ApplicationsCollector(connection, Directory(EvidenceSources.Applications), directoryStore, appNames).CollectAsync(ct), progress);
        var servicePrincipals = Report(new ServicePrincipalsCollector(connection, Directory(EvidenceSources.ServicePrincipals), directoryStore, appNames).CollectAsync(ct), progress);
        var grants = Report(new AppRoleGrantsCollector(connection, Directory(EvidenceSources.AppRoleGrants)).CollectAsync(ct), progress);
        var delegated = Report(new DelegatedGrantsCollector(connection, Directory(EvidenceSources.DelegatedGrants)).CollectAsync(ct), progress);
        var groups = Report(new GroupsCollector(connection, Directory(EvidenceSources.Groups), directoryStore).CollectAsync(ct), progress);
        var units = Report(new AdministrativeUnitsCollector(connection, Directory(EvidenceSources.AdministrativeUnits), directoryStore).CollectAsync(ct), progress);
        var rbacCollector = new ExchangeRbacCollector(connection, Directory(EvidenceSources.ExchangeRbac));
        var rbac = Report(rbacCollector.CollectAsync(ct), progress);
        var mailboxes = Report(new MailboxesCollector(connection, Directory(EvidenceSources.Mailboxes), options, directoryStore).CollectAsync(ct), progress);
        var policies = Report(new AccessPoliciesCollector(connection, Exchange(EvidenceSources.AccessPolicies)).CollectAsync(ct), progress);
        var organization = Report(new OrganizationConfigCollector(connection, Exchange(EvidenceSources.OrganizationConfig)).CollectAsync(ct), progress);
        var signInPacer = options.SignInWorkspace is null ? pacers.SignIns : pacers.LogAnalytics;
        var signIns = Report(new SignInsCollector(
            connection, new SourceContext(EvidenceSources.SignIns, sink, time, signInPacer, null, retry), window, options, store).CollectAsync(ct), progress);
        // The sign-in activity report is an identity report: it draws on the sign-in reports' budget (m365-apis.md §1.1).
        var activity = Report(new SignInActivityCollector(
            connection, new SourceContext(EvidenceSources.SignInActivity, sink, time, pacers.SignIns, null, retry), activityStore).CollectAsync(ct), progress);
        var trace = Report(new MessageTraceCollector(
            connection, new SourceContext(EvidenceSources.MessageTrace, sink, time, pacers.MessageTrace, null, retry), window, options, store).CollectAsync(ct), progress);
        var audit = Report(new MailboxAuditCollector(
            connection, new SourceContext(EvidenceSources.MailboxAudit, sink, time, null, null, retry), window, options, store).CollectAsync(ct), progress);
        await Task.WhenAll(applications, servicePrincipals, grants, delegated, groups, units, rbac, mailboxes, policies, organization, signIns, activity, trace, audit);

        return new CollectedEvidence(
            [
                applications.Result.Result, servicePrincipals.Result.Result, grants.Result.Result, policies.Result.Result, delegated.Result.Result,
                rbac.Result.Result, mailboxes.Result.Result, groups.Result.Result, units.Result.Result, organization.Result.Result,
                signIns.Result.Result, activity.Result.Result, trace.Result.Result, audit.Result.Result,
            ],
            applications.Result.Records,
            servicePrincipals.Result.Records,
            grants.Result.Records,
            policies.Result.Records)
        {
            DelegatedGrants = delegated.Result.Records,
            ExchangeRoleAssignments = rbac.Result.Records,
            ManagementScopes = rbacCollector.Scopes,
            Mailboxes = mailboxes.Result.Records,
            Groups = groups.Result.Records,
            AdministrativeUnits = units.Result.Records,
            OrganizationConfig = organization.Result.Records.Count > 0 ? organization.Result.Records[0] : null,
            SignIns = signIns.Result.Records,
            SignInActivity = activity.Result.Records,
            MessageTrace = trace.Result.Records,
            MailboxAudit = audit.Result.Records,
            Window = window,
        };
    }

    private static async Task<TOutcome> Report<TOutcome>(Task<TOutcome> task, IProgress<string>? progress)
        where TOutcome : ISourceOutcome
    {
        var outcome = await task;
        var r = outcome.Result;
        progress?.Report(r.State == SourceState.NotCollected
            ? $"{r.Name}: not collected — {r.Reason}"
            : $"{r.Name}: {r.Records} record(s), {r.Requests} request(s), {r.DurationMs} ms{(r.Resyncs > 0 ? $", {r.Resyncs} resync(s)" : "")}{(r.Reason is null ? "" : " — " + r.Reason)}");
        return outcome;
    }
}
