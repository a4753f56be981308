using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Compliance.Reports;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Attestation;

/// <summary>
/// `attest`: a reviewer signs off one published run. The run is verified first — nobody should sign a report whose
/// evidence or files no longer match their hashes. Then the run's PDF gets its attestation page filled in (reviewer,
/// date from the clock, statement), rendered in memory; the sign-off, whose chain hash covers that attested PDF, is
/// recorded while the new PDF waits in a temporary file, and only then is the file renamed over the report. If
/// rendering or recording fails, the published PDF is left as it was.
/// </summary>
public sealed class Attestor(SqliteDatabase database, string outputRoot, TimeProvider time)
{
    public const string DefaultStatement = "I have reviewed this report, its findings and the evidence it lists, and I accept it as the record for the period.";

    public async Task<(StoredAttestation? Attestation, VerificationResult Verification)> AttestAsync(
        string runId, string reviewer, string? statement, CancellationToken cancellationToken)
    {
        if (!MailAddress.TryCreate(reviewer, out var address) || address.Address != reviewer)
        {
            throw new ConfigurationException($"--reviewer: '{reviewer}' is not a user principal name (name@domain)");
        }

        var run = await new VerificationRepository(database).PublishedRunAsync(runId, cancellationToken)
            ?? throw new ConfigurationException($"--run: '{runId}' is not a published run in {database.Path}");
        var (verification, manifest, reports) = await new RunVerifier(database, outputRoot).VerifyForAttestationAsync(run, cancellationToken);
        if (manifest is null)
        {
            verification.Fail($"run {run.Id}: {Path.Combine(outputRoot, run.Tenant, run.Period, ReportFileNames.Manifest)} does not belong to this run; only the run whose report is on disk can be attested");
        }

        if (!verification.Passed)
        {
            return (null, verification);
        }

        var manifestSha = Convert.ToHexStringLower(SHA256.HashData(manifest!));
        var text = string.IsNullOrWhiteSpace(statement) ? DefaultStatement : statement.Trim();
        // Whole seconds: the stored text and the hashed text must be the same instant after a round trip.
        var now = time.GetUtcNow();
        var at = new DateTimeOffset(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);

        var pdfName = ReportFileNames.Pdf(run.Tenant, run.Period);
        var pdfPath = Path.Combine(outputRoot, run.Tenant, run.Period, pdfName);
        var attested = AttestedPdfWriter.Fill(
            await File.ReadAllBytesAsync(pdfPath, cancellationToken),
            new AttestedRun(run.Id, run.Tenant, run.Period, DateTimeOffset.Parse(run.CompletedAt, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind), run.ChainHash),
            new AttestationPage(reviewer, text, at));
        var attestedFile = new StoredReportFile(pdfName, Convert.ToHexStringLower(SHA256.HashData(attested)), attested.Length);
        var signedOff = reports.Select(r => r.Name == pdfName ? new ReportFileHash(pdfName, attestedFile.Sha256, attestedFile.Bytes) : r).ToList();

        StoredAttestation? attestation = null;
        // Not cancellable once the sign-off is recorded: the rename must follow the commit.
        await AtomicFile.WriteAsync(pdfPath, async (stream, _) =>
        {
            await stream.WriteAsync(attested, cancellationToken);
            attestation = await new AttestationRepository(database).AppendAsync(
                run.Id, run.Tenant, reviewer, text, at, manifestSha, attestedFile,
                previous => AttestationChain.Compute(previous, run.Id, manifestSha, signedOff, reviewer, text, at),
                cancellationToken);
        }, CancellationToken.None);
        return (attestation!, verification);
    }
}
