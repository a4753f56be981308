using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Each service principal's last sign-in from Graph beta reports/servicePrincipalSignInActivities (m365-apis.md §1.1
/// [S6b]; AuditLog.Read.All, $top/$filter/$orderby, paged by @odata.nextLink). Entra keeps these dates beyond any log
/// retention: the report is what its "remove unused applications" recommendation reads, so SIGN-002 can decide when the
/// sign-in logs are short. What counts as a sign-in here: Microsoft Learn calls it "the last time the service principal
/// was used" (concept-usage-insights-report) and the recommendation names apps that issued no tokens in 90 days
/// (recommendation-remove-unused-apps); whether a failed attempt updates the date is not documented (UNCONFIRMED), so
/// the date is read as the last use. A listing that breaks off is partial: absence from it proves nothing.
/// <para>
/// Incremental (issue 4): with a stored copy younger than <see cref="MaxCopyAge"/>, the report is read newest first
/// (SignInActivityRead) down to the previous read less <see cref="Overlap"/>, and merged into the copy by appId
/// (SignInActivityMerge). Graph refusing that $orderby (400), or answering out of order, starts a full read instead —
/// counted as a resync on the source, never a failure. Only a complete read is saved; a failed one leaves the source not
/// collected and the stored copy in force.
/// </para>
/// </summary>
internal sealed class SignInActivityCollector(TenantConnection connection, SourceContext source, ISignInActivityStore? store)
{
    /// <summary>
    /// How far before the previous read the next one reads again. Microsoft does not document how fast the report takes
    /// in a sign-in (UNCONFIRMED); a day also absorbs clock skew between this machine and Graph.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromDays(1);

    /// <summary>An older copy is read again in full, which also drops entries the report no longer lists (deleted principals).</summary>
    public static readonly TimeSpan MaxCopyAge = TimeSpan.FromDays(7);

    private static readonly SourceRequirement Requirement = SourceRequirement.Graph(
        "AuditLog.Read.All", licence: "Usage & insights reports, this one included, need Microsoft Entra ID P1 or P2 (concept-usage-insights-report)");

    public Task<SourceOutcome<ServicePrincipalSignInActivity>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            // The read's start: whatever the report dates after it is left to the next run's overlap.
            var readAt = source.Time.GetUtcNow();
            using var http = SourceHttp.Create(connection, source, connection.Endpoints.GraphScope);
            var report = new SignInActivityRead(new JsonApi(http, "Graph beta"), connection.Endpoints.GraphBetaUrl, Requirement);
            var copy = store is null ? null : await store.ReadAsync(connection.TenantId, token);
            if (copy is not null && readAt - copy.ReadAt <= MaxCopyAge)
            {
                try
                {
                    if (await report.NewestSinceAsync(copy.ReadAt - Overlap, token) is { } newer)
                    {
                        var (merged, changed) = SignInActivityMerge.Merge(copy.Entries, newer.Entries);
                        return await SavedAsync(newer with { Entries = merged }, readAt, replaceAll: false, changed, token);
                    }
                }
                catch (ApiCallException e) when (e.Status == 400)
                {
                    // Ordering by the nested date is listed for this report but not shown in Microsoft's examples (UNCONFIRMED).
                }

                source.CountResync();
            }
            else if (copy is not null)
            {
                source.CountResync();
            }

            var full = await report.AllAsync(token);
            return await SavedAsync(full, readAt, replaceAll: true, full.Entries, token);
        }, ct);

    /// <summary>Saves a complete read (a partial one would hide what it missed behind the stored copy) and returns its records.</summary>
    private async Task<(IReadOnlyList<ServicePrincipalSignInActivity>, string?)> SavedAsync(
        SignInActivityRead.Result read, DateTimeOffset readAt, bool replaceAll, IReadOnlyList<ServicePrincipalSignInActivity> toSave, CancellationToken ct)
    {
        if (store is not null && read.Partial is null)
        {
            await store.SaveAsync(connection.TenantId, readAt, replaceAll, toSave, ct);
        }

        return (read.Entries, read.Warning);
    }
}
