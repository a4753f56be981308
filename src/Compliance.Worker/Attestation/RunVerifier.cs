using System.Globalization;
using System.Security.Cryptography;
using Compliance.Reports;
using Compliance.Storage;

namespace Compliance.Worker.Attestation;

/// <summary>
/// Recomputes, for published runs: every stored evidence page's SHA-256 from its gzip body; every report file's
/// SHA-256 on disk (when the report directory still holds that run) — the PDF and the workbook against the hash of the
/// run's latest sign-off that filled them in, else against publication (a sign-off recorded but not renamed into place
/// is finished first: InterruptedSignOff); manifest.json against the database; the
/// manifest chain hash (ManifestChain v1, over the files as published) and its link to the previous run; and the
/// tenant's attestation chain, each sign-off over the report files as they were after it.
/// </summary>
public sealed class RunVerifier(SqliteDatabase database, string outputRoot)
{
    private readonly VerificationRepository store = new(database);

    public async Task<VerificationResult> VerifyAsync(string? runId, CancellationToken cancellationToken)
    {
        var result = new VerificationResult();
        IReadOnlyList<PublishedRun> runs;
        if (runId is null)
        {
            runs = await store.PublishedRunsAsync(null, cancellationToken);
        }
        else
        {
            var run = await store.PublishedRunAsync(runId, cancellationToken);
            if (run is null)
            {
                result.Fail($"run {runId}: no published run with this id in {database.Path}");
                return result;
            }

            runs = [run];
        }

        foreach (var run in runs)
        {
            await VerifyRunAsync(run, result, cancellationToken);
        }

        foreach (var tenant in runs.Select(r => r.Tenant).Distinct(StringComparer.Ordinal))
        {
            await VerifyAttestationsAsync(tenant, runId, result, cancellationToken);
        }

        return result;
    }

    /// <summary>Verification of one run without the attestation chain: what `attest` requires before signing.</summary>
    public async Task<(VerificationResult Result, byte[]? Manifest, IReadOnlyList<ReportFileHash> Reports)> VerifyForAttestationAsync(
        PublishedRun run, CancellationToken cancellationToken)
    {
        var result = new VerificationResult();
        var (manifest, reports) = await VerifyRunAsync(run, result, cancellationToken);
        return (result, manifest, reports);
    }

    private async Task<(byte[]? Manifest, IReadOnlyList<ReportFileHash> Reports)> VerifyRunAsync(
        PublishedRun run, VerificationResult result, CancellationToken cancellationToken)
    {
        var label = $"run {run.Id} ({run.Tenant} {run.Period})";

        // 1. Evidence pages: stored body vs hash recorded at fetch time.
        List<EvidenceFileHash> evidence = [];
        var changedPages = 0;
        await foreach (var page in store.RehashPagesAsync(run.Id, cancellationToken))
        {
            var name = $"{page.Source}/page-{page.Sequence.ToString("D4", CultureInfo.InvariantCulture)}.json";
            if (!page.Unchanged)
            {
                changedPages++;
                result.Fail($"{label}: evidence page {name} changed: recorded sha256 {page.RecordedSha256} ({page.RecordedBytes} bytes), stored body now {page.CurrentSha256} ({page.CurrentBytes} bytes)");
            }

            evidence.Add(new EvidenceFileHash(name, page.RecordedSha256, page.RecordedBytes));
        }

        // 2. Report files recorded at publication.
        var reports = (await store.ReportFilesAsync(run.Id, cancellationToken)).Select(r => new ReportFileHash(r.Name, r.Sha256, r.Bytes)).ToList();
        var directory = Path.Combine(outputRoot, run.Tenant, run.Period);
        var manifestPath = Path.Combine(directory, ReportFileNames.Manifest);
        byte[]? manifestBytes = File.Exists(manifestPath) ? await File.ReadAllBytesAsync(manifestPath, cancellationToken) : null;
        var manifest = manifestBytes is null ? null : ManifestReader.Read(manifestBytes);
        if (manifestBytes is null)
        {
            result.Fail($"{label}: {manifestPath} is missing");
        }
        else if (manifest is null)
        {
            result.Fail($"{label}: {manifestPath} changed: it is no longer a readable manifest");
        }
        else if (!string.Equals(manifest.RunId, run.Id, StringComparison.Ordinal))
        {
            // A later run of the same period republished the directory; this run's files live on only as hashes.
            result.Ok($"{label}: report files superseded on disk by run {manifest.RunId}; checked against recorded hashes only");
            manifestBytes = null;
            manifest = null;
        }

        if (manifest is not null)
        {
            await new InterruptedSignOff(database).FinishAsync(run, directory, reports, result, cancellationToken);
            var signOffs = (await new AttestationRepository(database).ChainAsync(run.Tenant, cancellationToken)).Where(a => a.RunId == run.Id).ToList();
            foreach (var report in reports)
            {
                var path = Path.Combine(directory, report.Name);
                if (!File.Exists(path))
                {
                    result.Fail($"{label}: report file {path} is missing");
                    continue;
                }

                var signedOff = signOffs.LastOrDefault(a => a.AttestedFiles.Any(f => f.Name == report.Name));
                var (expected, source) = signedOff is null
                    ? (report, "recorded sha256")
                    : (AsSignedOff([report], signedOff)[0], $"attested sha256 (attestation #{signedOff.Seq})");
                var (sha, bytes) = await SignOffCopies.HashFileAsync(path, cancellationToken);
                if (!string.Equals(sha, expected.Sha256, StringComparison.OrdinalIgnoreCase) || bytes != expected.Bytes)
                {
                    result.Fail($"{label}: report file {path} changed: {source} {expected.Sha256} ({expected.Bytes} bytes), on disk {sha} ({bytes} bytes)");
                }
            }

            CompareManifest(label, manifestPath, manifest, run, evidence, reports, result);
        }

        // 3. The chain hash recomputed from what is stored must be the one recorded for the run.
        if (run.EvidencePurgedAt is not null)
        {
            result.Ok($"{label}: evidence purged by retention at {run.EvidencePurgedAt}; chain hash not recomputable, recorded {run.ChainHash}");
        }
        else
        {
            var chain = ManifestChain.ComputeChainHash(run.PreviousChainHash, evidence, reports);
            if (!string.Equals(chain, run.ChainHash, StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"{label}: chain hash changed: recorded {run.ChainHash}, recomputed {chain}");
            }
        }

        if (changedPages == 0)
        {
            result.Ok($"{label}: {evidence.Count} evidence page(s), {reports.Count} report file(s), chain {run.ChainHash}");
        }

        await CheckLinkAsync(label, run, result, cancellationToken);
        return (manifestBytes, reports);
    }

    private static void CompareManifest(
        string label, string path, EvidenceManifest manifest, PublishedRun run, List<EvidenceFileHash> evidence, List<ReportFileHash> reports, VerificationResult result)
    {
        if (!string.Equals(manifest.ChainHash, run.ChainHash, StringComparison.OrdinalIgnoreCase))
        {
            result.Fail($"{label}: {path} changed: chainHash {manifest.ChainHash}, recorded {run.ChainHash}");
        }

        if (!string.Equals(manifest.PreviousChainHash ?? "", run.PreviousChainHash ?? "", StringComparison.OrdinalIgnoreCase))
        {
            result.Fail($"{label}: {path} changed: previousChainHash {manifest.PreviousChainHash ?? "null"}, recorded {run.PreviousChainHash ?? "null"}");
        }

        var listed = manifest.Reports.ToDictionary(r => r.Name, StringComparer.Ordinal);
        foreach (var report in reports)
        {
            if (!listed.TryGetValue(report.Name, out var entry) || !string.Equals(entry.Sha256, report.Sha256, StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"{label}: {path} changed: report {report.Name} listed as {entry?.Sha256 ?? "absent"}, recorded {report.Sha256}");
            }
        }

        if (run.EvidencePurgedAt is null && manifest.Evidence.Count != evidence.Count)
        {
            result.Fail($"{label}: {path} changed: lists {manifest.Evidence.Count} evidence page(s), the database holds {evidence.Count}");
        }
    }

    /// <summary>Each run's previousChainHash must be the chain hash of the tenant's run published before it.</summary>
    private async Task CheckLinkAsync(string label, PublishedRun run, VerificationResult result, CancellationToken cancellationToken)
    {
        if (run.PreviousChainHash is null)
        {
            return;
        }

        var earlier = await store.PublishedRunsAsync(run.Tenant, cancellationToken);
        if (!earlier.Any(r => r.Id != run.Id && string.Equals(r.ChainHash, run.PreviousChainHash, StringComparison.OrdinalIgnoreCase)))
        {
            result.Fail($"{label}: previous chain hash {run.PreviousChainHash} matches no published run of tenant {run.Tenant}");
        }
    }

    private async Task VerifyAttestationsAsync(string tenant, string? runId, VerificationResult result, CancellationToken cancellationToken)
    {
        var chain = await new AttestationRepository(database).ChainAsync(tenant, cancellationToken);
        string? previous = null;
        foreach (var attestation in chain)
        {
            var reports = AsSignedOff((await store.ReportFilesAsync(attestation.RunId, cancellationToken)).Select(r => new ReportFileHash(r.Name, r.Sha256, r.Bytes)), attestation);
            var attestedAt = DateTimeOffset.Parse(attestation.AttestedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
            var hash = AttestationChain.Compute(previous, attestation.RunId, attestation.ManifestSha256, reports, attestation.Reviewer, attestation.Statement, attestedAt);
            var label = $"attestation #{attestation.Seq} of run {attestation.RunId} by {attestation.Reviewer}";
            if (!string.Equals(attestation.PreviousHash ?? "", previous ?? "", StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"{label}: previous hash {attestation.PreviousHash ?? "null"} does not match the preceding attestation {previous ?? "null"}");
            }

            if (!string.Equals(hash, attestation.ChainHash, StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"{label}: chain hash changed: recorded {attestation.ChainHash}, recomputed {hash}");
            }
            else if (runId is null || attestation.RunId == runId)
            {
                result.Ok($"{label}: chain {attestation.ChainHash}");
            }

            await CheckAttestedManifestAsync(label, attestation, result, cancellationToken);
            previous = attestation.ChainHash;
        }
    }

    /// <summary>The manifest the reviewer signed must still be the one on disk, while the directory still holds that run.</summary>
    private async Task CheckAttestedManifestAsync(string label, StoredAttestation attestation, VerificationResult result, CancellationToken cancellationToken)
    {
        var run = await store.PublishedRunAsync(attestation.RunId, cancellationToken);
        if (run is null)
        {
            result.Fail($"{label}: the attested run is no longer a published run");
            return;
        }

        var path = Path.Combine(outputRoot, run.Tenant, run.Period, ReportFileNames.Manifest);
        if (!File.Exists(path))
        {
            return;
        }

        var bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        if (ManifestReader.Read(bytes) is { } manifest && manifest.RunId == run.Id)
        {
            var sha = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (!string.Equals(sha, attestation.ManifestSha256, StringComparison.OrdinalIgnoreCase))
            {
                result.Fail($"{label}: {path} changed since it was attested: sha256 {sha}, attested {attestation.ManifestSha256}");
            }
        }
    }

    /// <summary>The report files a sign-off covers: as published, with each file it filled in (PDF, workbook) replaced by its attested copy.</summary>
    public static IReadOnlyList<ReportFileHash> AsSignedOff(IEnumerable<ReportFileHash> published, StoredAttestation attestation)
    {
        ArgumentNullException.ThrowIfNull(attestation);
        var attested = attestation.AttestedFiles.ToDictionary(f => f.Name, StringComparer.Ordinal);
        return [.. published.Select(r => attested.TryGetValue(r.Name, out var f) ? new ReportFileHash(f.Name, f.Sha256, f.Bytes) : r)];
    }
}
