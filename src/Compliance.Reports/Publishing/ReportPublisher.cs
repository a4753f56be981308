using System.Security.Cryptography;
using Compliance.Rules.Review;

namespace Compliance.Reports;

/// <summary>
/// Publishes one run: PDF, workbook and findings.json, each written atomically, then hashed from disk
/// (so the manifest vouches for the bytes actually stored), then manifest.json last — a directory with
/// a manifest is therefore always complete.
/// </summary>
public sealed class ReportPublisher
{
    private readonly ReviewPdfWriter _pdf = new();
    private readonly ReviewWorkbookWriter _workbook = new();
    private readonly FindingsJsonWriter _findings = new();
    private readonly ManifestWriter _manifest = new();

    public async Task<PublishedReport> PublishAsync(
        ReviewDocument document,
        IReadOnlyList<EvidenceFileHash> evidence,
        string? previousChainHash,
        string outputDirectory,
        CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(evidence);
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);

        var run = document.Run;
        var directory = Path.GetFullPath(outputDirectory);
        Directory.CreateDirectory(directory);

        var pdfName = ReportFileNames.Pdf(run.Tenant, run.Period);
        var workbookName = ReportFileNames.Workbook(run.Tenant, run.Period);

        await AtomicFile.WriteAsync(Path.Combine(directory, pdfName), (stream, _) =>
        {
            _pdf.Write(document, new EvidenceSeal(previousChainHash, evidence), stream);
            return Task.CompletedTask;
        }, ct);
        await AtomicFile.WriteAsync(Path.Combine(directory, workbookName), (stream, token) => _workbook.WriteAsync(document, stream, token), ct);
        await AtomicFile.WriteAsync(Path.Combine(directory, ReportFileNames.Findings), (stream, token) => _findings.WriteAsync(document, stream, token), ct);

        List<ReportFileHash> files = [];
        foreach (var name in new[] { pdfName, workbookName, ReportFileNames.Findings })
        {
            files.Add(await HashAsync(directory, name, ct));
        }

        var chain = ManifestChain.ComputeChainHash(previousChainHash, evidence, files);
        var manifest = new EvidenceManifest(run.Id, run.Tenant, run.Period, evidence, files, previousChainHash, chain);
        await AtomicFile.WriteAsync(Path.Combine(directory, ReportFileNames.Manifest), (stream, token) => _manifest.WriteAsync(manifest, stream, token), ct);

        return new PublishedReport(directory, files, manifest);
    }

    private static async Task<ReportFileHash> HashAsync(string directory, string name, CancellationToken ct)
    {
        var stream = File.OpenRead(Path.Combine(directory, name));
        await using (stream)
        {
            var hash = await SHA256.HashDataAsync(stream, ct);
            return new ReportFileHash(name, Convert.ToHexStringLower(hash), stream.Length);
        }
    }
}
