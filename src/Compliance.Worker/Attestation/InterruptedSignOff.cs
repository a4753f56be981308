using Compliance.Reports;
using Compliance.Storage;

namespace Compliance.Worker.Attestation;

/// <summary>
/// Finishes a sign-off that `attest` recorded but did not rename into place (the process died between the commit and
/// the renames, or between the PDF's rename and the workbook's). The committed row is the point of no return: it holds
/// the reviewer, statement, time and the hash of every file it filled in, and the filled-in copies are a deterministic
/// function of the file before the sign-off (SignOffCopies). So when a file on disk is still exactly its copy before the
/// sign-off — as published, or as the run's previous sign-off left it — the copy is staged again, and renamed over the
/// file only if it hashes to what the sign-off recorded. Anything else is left alone for verify to report as changed.
/// This is the only write verify makes, and only of bytes whose hash the database already holds.
/// </summary>
internal sealed class InterruptedSignOff(SqliteDatabase database)
{
    public async Task FinishAsync(
        PublishedRun run, string directory, IReadOnlyList<ReportFileHash> published, VerificationResult result, CancellationToken cancellationToken)
    {
        var signOffs = (await new AttestationRepository(database).ChainAsync(run.Tenant, cancellationToken))
            .Where(a => a.RunId == run.Id && a.AttestedFiles.Count > 0).ToList();
        if (signOffs.Count == 0)
        {
            return;
        }

        var latest = signOffs[^1];
        foreach (var file in latest.AttestedFiles)
        {
            var path = Path.Combine(directory, file.Name);
            if (!File.Exists(path))
            {
                continue;
            }

            var onDisk = await SignOffCopies.HashFileAsync(path, cancellationToken);
            var before = Before(file.Name, signOffs[..^1], published);
            if (Same(onDisk, file) || before is null || !Same(onDisk, before))
            {
                continue;
            }

            var (staged, copy) = await SignOffCopies.StageAsync(path, SignOffCopies.Describe(run), SignOffCopies.Page(latest), cancellationToken);
            await using (staged)
            {
                if (copy == file)
                {
                    staged.Publish();
                    result.Ok($"run {run.Id}: attestation #{latest.Seq} was recorded but {path} still held its copy from before (attest stopped before renaming); filled in again, sha256 {file.Sha256} as recorded");
                }
            }
        }
    }

    private static bool Same((string Sha256, long Bytes) onDisk, StoredReportFile file) =>
        onDisk.Bytes == file.Bytes && string.Equals(onDisk.Sha256, file.Sha256, StringComparison.OrdinalIgnoreCase);

    /// <summary>The file as it was before the latest sign-off: as the run's previous sign-off left it, else as published.</summary>
    private static StoredReportFile? Before(string name, IEnumerable<StoredAttestation> earlier, IReadOnlyList<ReportFileHash> published) =>
        earlier.SelectMany(a => a.AttestedFiles).LastOrDefault(f => f.Name == name)
        ?? published.Where(r => r.Name == name).Select(r => new StoredReportFile(r.Name, r.Sha256, r.Bytes)).FirstOrDefault();
}
