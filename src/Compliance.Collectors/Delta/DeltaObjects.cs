using System.Text.Json;
using Microsoft.Kiota.Abstractions.Serialization;
using Microsoft.Kiota.Serialization.Json;

namespace Compliance.Collectors.Delta;

/// <summary>Merged delta objects read back as the SDK's typed models, so the sources map them as they map a listing.</summary>
internal static class DeltaObjects
{
    /// <summary>One object as its typed model; used inside a DeltaSync projection, so only one model lives at a time.</summary>
    public static T Typed<T>(JsonElement o, ParsableFactory<T> factory)
        where T : IParsable =>
        new JsonParseNode(o).GetObjectValue(factory)!;

    public static IEnumerable<T> Typed<T>(IEnumerable<byte[]> objects, ParsableFactory<T> factory)
        where T : IParsable
    {
        foreach (var o in objects)
        {
            using var document = JsonDocument.Parse(o);
            yield return Typed(document.RootElement, factory);
        }
    }
}
