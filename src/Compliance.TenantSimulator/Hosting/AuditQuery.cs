using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Hosting;

/// <summary>A submitted Purview audit search; advances notStarted → running → succeeded one step per poll.</summary>
internal sealed class AuditQuery(string id, JsonObject request)
{
    private int polls;

    public string Id { get; } = id;
    public JsonObject Request { get; } = request;

    public string Status => polls switch
    {
        0 => "notStarted",
        1 => "running",
        _ => "succeeded",
    };

    public void Poll() => Interlocked.Increment(ref polls);
}
