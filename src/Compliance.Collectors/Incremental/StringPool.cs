namespace Compliance.Collectors.Incremental;

/// <summary>
/// One shared instance per distinct value of one column while records that evaluation keeps are built: 100,000 service
/// principals carry far fewer types, recipient types and credential names than rows, and each record would otherwise
/// hold its own copies (the benchmarks' in-memory activity records use it the same way). One pool per column, because a
/// column that is (nearly) unique per row —
/// the large tenant's generated IP addresses: 193,765 distinct in 200,000 sign-ins — must not use up the capacity of
/// another (its app ids: 86,384 distinct in the same rows). A pool stops growing at <see cref="Capacity"/> values.
/// </summary>
public sealed class StringPool
{
    public const int Capacity = 250_000;

    private readonly HashSet<string> values = new(StringComparer.Ordinal);

    public string Get(string value)
    {
        if (values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        if (values.Count < Capacity)
        {
            values.Add(value);
        }

        return value;
    }

    public string? GetOrNull(string? value) => value is null ? null : Get(value);
}
