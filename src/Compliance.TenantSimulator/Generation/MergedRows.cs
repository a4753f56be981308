using System.Collections;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Two newest-first sequences merged into one, lazily: the planted rows (a few thousand, held) and the background
/// stream (up to a million, produced row by row on each enumeration and never held).
/// </summary>
internal sealed class MergedRows<T>(IReadOnlyList<T> planted, Func<IEnumerable<T>> background, Func<T, DateTimeOffset> time) : IEnumerable<T>
{
    public IEnumerator<T> GetEnumerator()
    {
        using var rest = background().GetEnumerator();
        var hasRest = rest.MoveNext();
        var i = 0;
        while (i < planted.Count || hasRest)
        {
            if (hasRest && (i >= planted.Count || time(rest.Current) >= time(planted[i])))
            {
                yield return rest.Current;
                hasRest = rest.MoveNext();
            }
            else
            {
                yield return planted[i++];
            }
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
