using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// The two reads of Graph beta reports/servicePrincipalSignInActivities: the whole report, or its newest entries only —
/// ordered by lastSignInActivity/lastSignInDateTime descending (the reference lists $orderby for this list:
/// reportroot-list-serviceprincipalsigninactivities) and followed page by page until a page reaches an entry older than
/// the cutoff or one without a date, which OData sorts after every date in descending order (OData v4.01 Part 2 "URL
/// Conventions" §5.1.5, $orderby: null values come "after all non-null values when sorting in descending order").
/// </summary>
internal sealed class SignInActivityRead(JsonApi api, Uri graphBeta, SourceRequirement requirement)
{
    /// <summary>
    /// $top=1000 keeps a 100,000-principal tenant at 100 requests on the identity-reports budget; the reference documents
    /// $top but no maximum (UNCONFIRMED) — a refusal names itself as the reason, never an empty list.
    /// </summary>
    private const string Top = "$top=1000";

    /// <summary>The entries read, why the read broke off (null when complete), and the source's warning (with data-quality counts).</summary>
    public sealed record Result(IReadOnlyList<ServicePrincipalSignInActivity> Entries, string? Partial, string? Warning);

    public async Task<Result> AllAsync(CancellationToken ct) => (await ReadAsync(Url(Top), cutoff: null, ct))!;

    /// <summary>
    /// Entries whose last sign-in is at or after <paramref name="cutoff"/> (plus the rest of the page that reached it);
    /// null when the answer was not in descending order — Graph did not honour the $orderby, so stopping early would
    /// lose entries. A 400 (the ordering refused) is thrown as an ApiCallException.
    /// </summary>
    public Task<Result?> NewestSinceAsync(DateTimeOffset cutoff, CancellationToken ct) =>
        ReadAsync(Url($"{Top}&$orderby=lastSignInActivity/lastSignInDateTime%20desc"), cutoff, ct);

    private Uri Url(string query) => new($"{graphBeta.AbsoluteUri}/reports/servicePrincipalSignInActivities?{query}");

    private async Task<Result?> ReadAsync(Uri first, DateTimeOffset? cutoff, CancellationToken ct)
    {
        var entries = new List<ServicePrincipalSignInActivity>();
        var quality = new DataQuality();
        var order = cutoff is { } c ? new DescendingWatch(c) : null;
        var partial = await PagedRead.EachPageAsync(
            first,
            (url, t) => api.GetAsync(url, WireJson.Default.ODataPageSignInActivityWire, t),
            page => order is { Done: true } ? null : page.NextLink,
            (page, _) =>
            {
                quality.Count("sign-in activity record(s) had no appId and were not kept", page.Value.Count(a => string.IsNullOrEmpty(a.AppId)));
                foreach (var a in page.Value)
                {
                    order?.See(a.LastSignInActivity?.LastSignInDateTime);
                    if (!string.IsNullOrEmpty(a.AppId))
                    {
                        entries.Add(new ServicePrincipalSignInActivity(
                            a.AppId, a.ApplicationAuthenticationClientSignInActivity?.LastSignInDateTime, a.LastSignInActivity?.LastSignInDateTime));
                    }
                }

                return Task.CompletedTask;
            },
            requirement,
            ct);
        return order is { OutOfOrder: true } ? null : new Result(entries, partial, quality.Warning(partial));
    }

    /// <summary>Watches the dates of a descending read: done at the first one before the cutoff (or without a date); out of order if one rises.</summary>
    private sealed class DescendingWatch(DateTimeOffset cutoff)
    {
        private DateTimeOffset? previous;
        private bool undated;

        public bool Done => undated || OutOfOrder || previous < cutoff;

        public bool OutOfOrder { get; private set; }

        public void See(DateTimeOffset? date)
        {
            if (date is null)
            {
                undated = true;
            }
            else if (undated || date > previous)
            {
                OutOfOrder = true;
            }
            else
            {
                previous = date;
            }
        }
    }
}
