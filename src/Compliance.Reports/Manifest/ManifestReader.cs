using System.Text.Json;
using Compliance.Reports.Json;

namespace Compliance.Reports;

/// <summary>Reads manifest.json back (the shape <see cref="ManifestWriter"/> writes).</summary>
public static class ManifestReader
{
    /// <summary>The manifest, or null when the file is not a manifest at all (which verify reports as a change).</summary>
    public static EvidenceManifest? Read(byte[] json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, ReportsJsonContext.Default.EvidenceManifest);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
