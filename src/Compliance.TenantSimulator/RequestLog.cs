namespace Compliance.TenantSimulator;

/// <summary>Thread-safe record of every request, for tests that assert how a client talked to the tenant.</summary>
public sealed class RequestLog
{
    private readonly Lock gate = new();
    private readonly List<RequestLogEntry> entries = [];

    public IReadOnlyList<RequestLogEntry> Entries
    {
        get
        {
            lock (gate)
            {
                return entries.ToArray();
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            entries.Clear();
        }
    }

    internal void Add(RequestLogEntry entry)
    {
        lock (gate)
        {
            entries.Add(entry);
        }
    }
}
