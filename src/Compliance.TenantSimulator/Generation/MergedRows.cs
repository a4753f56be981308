using System.Collections;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Two newest-first sequences merged into one, lazily: the planted rows (a few thousand, held) and the background
/// stream (up to a million, each row computed from its index when read and never held). A planted row's address is
/// the complement of its index (negative), a background row's its index.
/// </summary>
internal sealed class MergedRows<T>(IReadOnlyList<T> planted, int backgroundCount, Func<int, T> background, Func<T, DateTimeOffset> time) : IAddressableRows<T>
{
    public IEnumerable<(int Address, T Row)> Addressed()
    {
        var i = 0;
        var b = 0;
        var next = backgroundCount > 0 ? background(0) : default;
        while (i < planted.Count || b < backgroundCount)
        {
            if (b < backgroundCount && (i >= planted.Count || time(next!) >= time(planted[i])))
            {
                yield return (b, next!);
                next = ++b < backgroundCount ? background(b) : default;
            }
            else
            {
                yield return (~i, planted[i]);
                i++;
            }
        }
    }

    public T At(int address) => address < 0 ? planted[~address] : background(address);

    public IEnumerator<T> GetEnumerator() => Addressed().Select(row => row.Row).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
