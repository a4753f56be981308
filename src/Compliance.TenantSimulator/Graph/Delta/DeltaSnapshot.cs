using System.Security.Cryptography;
using System.Text;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// The state one deltaLink stands for: per object, a hash of its projected body and its member set; and one digest
/// over all of it, which is what the $deltatoken carries. Equal digests mean nothing changed.
/// </summary>
internal sealed class DeltaSnapshot
{
    private DeltaSnapshot(string digest, Dictionary<string, Entry> objects)
    {
        Digest = digest;
        Objects = objects;
    }

    public string Digest { get; }

    public IReadOnlyDictionary<string, Entry> Objects { get; }

    public sealed record Entry(string BodyHash, IReadOnlySet<DeltaMember> Members);

    public static DeltaSnapshot Of(IReadOnlyList<DeltaItem> items)
    {
        var objects = new Dictionary<string, Entry>(items.Count, StringComparer.OrdinalIgnoreCase);
        using var digest = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var item in items.OrderBy(i => i.Id, StringComparer.Ordinal))
        {
            var body = Hash(item.Body.ToJsonString());
            var members = item.Members.ToHashSet();
            objects[item.Id] = new Entry(body, members);
            var line = $"{item.Id}|{body}|{string.Join(',', members.Select(m => m.Type + ":" + m.Id).Order(StringComparer.Ordinal))}\n";
            digest.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return new DeltaSnapshot(Convert.ToHexStringLower(digest.GetHashAndReset()), objects);
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
}
