using System.Collections.Concurrent;

namespace Compliance.Collectors.Internal;

/// <summary>
/// One shared instance per distinct value across sources that run at the same time: an application and its service
/// principal usually carry the same display name (the application object is the template its service principals are
/// made from — learn: training "Explore application objects and service principals"; every app of the generated
/// tenants), and the two sources are read concurrently, so the single-threaded <see cref="Incremental.StringPool"/> cannot serve them. It stops
/// growing at <see cref="Capacity"/> values and lives only as long as one collection.
/// </summary>
internal sealed class SharedStrings
{
    public const int Capacity = 250_000;

    private readonly ConcurrentDictionary<string, string> values = new(StringComparer.Ordinal);
    private int count;

    public string Get(string value)
    {
        if (values.TryGetValue(value, out var shared))
        {
            return shared;
        }

        // ConcurrentDictionary.Count takes every lock: a counter of its own keeps the bound cheap.
        if (Volatile.Read(ref count) >= Capacity)
        {
            return value;
        }

        shared = values.GetOrAdd(value, value);
        if (ReferenceEquals(shared, value))
        {
            Interlocked.Increment(ref count);
        }

        return shared;
    }
}
