using System.Text.Json;
using Compliance.Reports.Json;

namespace Compliance.Reports;

/// <summary>Writes manifest.json (camelCase, indented) exactly as the model gives it.</summary>
public sealed class ManifestWriter
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public Task WriteAsync(EvidenceManifest manifest, Stream output, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        ArgumentNullException.ThrowIfNull(output);
        return JsonSerializer.SerializeAsync(output, manifest, ReportsJsonContext.Default.EvidenceManifest, ct);
    }
}
