using System.Globalization;
using System.Security.Cryptography;
using Compliance.Reports;
using Compliance.Storage;

namespace Compliance.Worker.Attestation;

/// <summary>
/// The report files a sign-off fills in — the PDF's attestation page (AttestedPdfWriter) and the workbook's Summary
/// sheet (AttestedWorkbookWriter) — staged next to the files on disk, not yet renamed over them. Both writers are
/// deterministic, so the same file before the sign-off and the same sign-off always give the same bytes: `attest`
/// stages them before recording the sign-off, and an interrupted sign-off is finished by staging them again
/// (InterruptedSignOff).
/// </summary>
internal static class SignOffCopies
{
    /// <summary>The names of the run's report files that a sign-off fills in, among those it published.</summary>
    public static IReadOnlyList<string> Names(PublishedRun run, IEnumerable<ReportFileHash> published)
    {
        ArgumentNullException.ThrowIfNull(run);
        string[] filled = [ReportFileNames.Pdf(run.Tenant, run.Period), ReportFileNames.Workbook(run.Tenant, run.Period)];
        var names = published.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return [.. filled.Where(names.Contains)];
    }

    /// <summary>What the filled-in pages show of the run.</summary>
    public static AttestedRun Describe(PublishedRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new AttestedRun(run.Id, run.Tenant, run.Period,
            DateTimeOffset.Parse(run.CompletedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), run.ChainHash);
    }

    /// <summary>The sign-off as the pages print it.</summary>
    public static AttestationPage Page(StoredAttestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        return new AttestationPage(attestation.Reviewer, attestation.Statement,
            DateTimeOffset.Parse(attestation.AttestedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind));
    }

    /// <summary>Stages the filled-in copy of the report file at <paramref name="path"/> and hashes what was staged.</summary>
    public static async Task<(StagedFile Staged, StoredReportFile File)> StageAsync(
        string path, AttestedRun run, AttestationPage page, CancellationToken cancellationToken)
    {
        var staged = Path.GetExtension(path) == ".pdf"
            ? await StagePdfAsync(path, run, page, cancellationToken)
            : await StageWorkbookAsync(path, run, page, cancellationToken);
        try
        {
            var (sha, bytes) = await staged.HashAsync(cancellationToken);
            return (staged, new StoredReportFile(Path.GetFileName(path), sha, bytes));
        }
        catch
        {
            await staged.DisposeAsync();
            throw;
        }
    }

    /// <summary>SHA-256 (lowercase hex) and size of a file on disk.</summary>
    public static async Task<(string Sha256, long Bytes)> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var hash = await SHA256.HashDataAsync(stream, cancellationToken);
        return (Convert.ToHexStringLower(hash), stream.Length);
    }

    private static async Task<StagedFile> StagePdfAsync(string path, AttestedRun run, AttestationPage page, CancellationToken cancellationToken)
    {
        // PDFsharp opens a document for modification from a whole buffer; the PDF is aggregates, a few MB at most.
        var attested = AttestedPdfWriter.Fill(await File.ReadAllBytesAsync(path, cancellationToken), run, page);
        return await StagedFile.WriteAsync(path, (stream, token) => stream.WriteAsync(attested, token).AsTask(), cancellationToken);
    }

    private static async Task<StagedFile> StageWorkbookAsync(string path, AttestedRun run, AttestationPage page, CancellationToken cancellationToken)
    {
        // Streamed file to file: the large tenant's workbook is hundreds of MB uncompressed.
        var published = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using (published)
        {
            return await StagedFile.WriteAsync(path, (stream, token) => AttestedWorkbookWriter.FillAsync(published, stream, run, page, token), cancellationToken);
        }
    }
}
