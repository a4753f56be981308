namespace Compliance.Collectors.Incremental;

/// <summary>
/// One shared instance per distinct value while activity records are read back for evaluation: a million sign-ins
/// carry a few hundred app ids, credential key ids, IP addresses and resource names, and each deserialized record
/// would otherwise hold its own copies (≈ 340 MB of duplicate strings on the large tenant). The pool stops growing at
/// <see cref="Capacity"/> distinct values, so a column that is unique per record (an id) never costs more than it saves.
/// </summary>
internal sealed class StringPool
{
    public const int Capacity = 100_000;

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
