using System.Collections.Concurrent;

namespace Compliance.TenantSimulator.Hosting;

/// <summary>Every message sendMail accepted, as RFC 5322 text; also written to the outbox folder when one is configured.</summary>
public sealed class Outbox(string? directory)
{
    private readonly ConcurrentQueue<string> messages = new();

    public IReadOnlyList<string> Messages => messages.ToArray();

    internal async Task AddAsync(string name, string eml, CancellationToken ct)
    {
        messages.Enqueue(eml);
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            var path = Path.Combine(directory, name + ".eml");
            // Write then rename so a reader never sees half a message.
            await File.WriteAllTextAsync(path + ".tmp", eml, ct);
            File.Move(path + ".tmp", path, overwrite: true);
        }
    }
}
