using System.Net.Mail;
using System.Security.Cryptography;
using Compliance.Reports;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Attestation;

/// <summary>
/// `attest`: a reviewer signs off one published run. The run is verified first — nobody should sign a report whose
/// evidence or files no longer match their hashes — then the sign-off extends the tenant's attestation chain.
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
        var attestation = await new AttestationRepository(database).AppendAsync(
            run.Id, run.Tenant, reviewer, text, at, manifestSha,
            previous => AttestationChain.Compute(previous, run.Id, manifestSha, reports, reviewer, text, at),
            cancellationToken);
        return (attestation, verification);
    }
}
