using System.Collections;

namespace Compliance.TenantSimulator.Model;

/// <summary>A list's rows, addressed by their position (fixture files expand their activity into lists).</summary>
internal sealed class AddressableList<T>(IReadOnlyList<T> rows) : IAddressableRows<T>
{
    public IEnumerable<(int Address, T Row)> Addressed() => rows.Select((row, i) => (i, row));

    public T At(int address) => rows[address];

    public IEnumerator<T> GetEnumerator() => rows.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
