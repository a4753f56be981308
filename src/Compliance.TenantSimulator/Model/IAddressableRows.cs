namespace Compliance.TenantSimulator.Model;

/// <summary>
/// Rows that can be read again one at a time by an address learnt while enumerating them, without enumerating the
/// rest: what lets an index of a generated activity log hold integers instead of the rows (issue 3: flat memory).
/// </summary>
internal interface IAddressableRows<T> : IEnumerable<T>
{
    /// <summary>Every row in the sequence's order, with its address.</summary>
    IEnumerable<(int Address, T Row)> Addressed();

    /// <summary>The row at an address <see cref="Addressed"/> gave.</summary>
    T At(int address);
}
