using Microsoft.Kiota.Abstractions;

namespace Compliance.Collectors.Delta;

/// <summary>
/// The SDK requests one delta source sends. <see cref="Delta"/> builds the initial delta request (null) or follows a
/// nextLink/deltaLink. With <see cref="Latest"/> and <see cref="List"/>, a full read is the plain collection listing
/// (its larger pages) plus one "sync from now" request for the deltaLink — taken first, so a change made while the
/// list is read comes back in the next round instead of being missed (learn: graph/delta-query-overview: Microsoft
/// Entra resources accept $deltatoken=latest and answer with a deltaLink and no objects).
/// </summary>
internal sealed record DeltaRequests(
    Func<string?, RequestInformation> Delta,
    Func<RequestInformation>? Latest = null,
    Func<string?, RequestInformation>? List = null)
{
    /// <summary>
    /// A source read as a listing plus "sync from now": <paramref name="follow"/> GETs any nextLink or deltaLink (the
    /// answer is read as JSON, so one builder serves both).
    /// </summary>
    public static DeltaRequests Listed(Func<RequestInformation> delta, Func<RequestInformation> list, Func<string, RequestInformation> follow)
    {
        ArgumentNullException.ThrowIfNull(delta);
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(follow);
        return new(link => link is null ? delta() : follow(link), () => SyncFromNow(delta()), link => link is null ? list() : follow(link));
    }

    /// <summary>The initial delta request with $deltatoken=latest (the SDK's request builder has no such parameter).</summary>
    public static RequestInformation SyncFromNow(RequestInformation initial)
    {
        ArgumentNullException.ThrowIfNull(initial);
        var uri = initial.URI.AbsoluteUri;
        initial.URI = new Uri(uri + (uri.Contains('?', StringComparison.Ordinal) ? "&" : "?") + "$deltatoken=latest");
        return initial;
    }
}
