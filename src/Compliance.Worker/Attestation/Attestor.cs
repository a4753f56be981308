using System.Net.Mail;
using System.Security.Cryptography;
using Compliance.Reports;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Attestation;

/// <summary>
/// `attest`: a reviewer signs off one published run. The run is verified first — nobody should sign a report whose
/// evidence or files no longer match their hashes (verification also finishes a sign-off that an earlier `attest`
/// recorded but could not rename into place: InterruptedSignOff). Then the run's PDF gets its attestation page and its
/// workbook its Summary sheet filled in (reviewer, date from the clock, statement, the run's chain hash), each staged in
/// a temporary file next to the report; the sign-off, whose chain hash covers those attested files, is recorded; and
/// only then are the files renamed over the reports. If staging or recording fails, the published files are left as
/// they were.
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
        var page = new AttestationPage(reviewer, text, at);
        var directory = Path.Combine(outputRoot, run.Tenant, run.Period);

        List<(StagedFile Staged, StoredReportFile File)> copies = [];
        try
        {
            foreach (var name in SignOffCopies.Names(run, reports))
            {
                copies.Add(await SignOffCopies.StageAsync(Path.Combine(directory, name), SignOffCopies.Describe(run), page, cancellationToken));
            }

            var attested = copies.Select(c => c.File).ToDictionary(f => f.Name, StringComparer.Ordinal);
            var signedOff = reports.Select(r => attested.TryGetValue(r.Name, out var f) ? new ReportFileHash(f.Name, f.Sha256, f.Bytes) : r).ToList();
            var attestation = await new AttestationRepository(database).AppendAsync(
                run.Id, run.Tenant, reviewer, text, at, manifestSha,
                attested[ReportFileNames.Pdf(run.Tenant, run.Period)], attested.GetValueOrDefault(ReportFileNames.Workbook(run.Tenant, run.Period)),
                previous => AttestationChain.Compute(previous, run.Id, manifestSha, signedOff, reviewer, text, at),
                cancellationToken);

            // Not cancellable once the sign-off is recorded: the renames must follow the commit. A crash between them is
            // finished by the next verify or attest (InterruptedSignOff).
            foreach (var (staged, _) in copies)
            {
                staged.Publish();
            }

            return (attestation, verification);
        }
        finally
        {
            foreach (var (staged, _) in copies)
            {
                await staged.DisposeAsync();
            }
        }
    }
}
