using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>
/// Merges the entries a run read from the sign-in activity report into the stored copy, by appId (the report has one
/// entry per service principal). Each date keeps the later of the two values: a date only moves forward, so a stored
/// date newer than the one read (the report refreshed late, or an overlap page came back) is never replaced by an older one.
/// </summary>
internal static class SignInActivityMerge
{
    /// <summary>The merged set (ordered by appId) and the entries that differ from the stored copy (to save).</summary>
    public static (IReadOnlyList<ServicePrincipalSignInActivity> Merged, IReadOnlyList<ServicePrincipalSignInActivity> Changed) Merge(
        IEnumerable<ServicePrincipalSignInActivity> stored, IEnumerable<ServicePrincipalSignInActivity> read)
    {
        var merged = new Dictionary<string, ServicePrincipalSignInActivity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in stored)
        {
            merged[entry.AppId] = entry;
        }

        var changed = new Dictionary<string, ServicePrincipalSignInActivity>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in read)
        {
            var next = merged.TryGetValue(entry.AppId, out var known)
                ? known with { LastAppOnlySignIn = Later(known.LastAppOnlySignIn, entry.LastAppOnlySignIn), LastSignIn = Later(known.LastSignIn, entry.LastSignIn) }
                : entry;
            if (next != known)
            {
                merged[entry.AppId] = next;
                changed[entry.AppId] = next;
            }
        }

        return (merged.Values.OrderBy(e => e.AppId, StringComparer.OrdinalIgnoreCase).ToList(), changed.Values.ToList());
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null || a >= b ? a : b;
}
