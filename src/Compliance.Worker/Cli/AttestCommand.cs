using System.CommandLine;
using Compliance.Storage;
using Compliance.Worker.Attestation;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`attest --run ID --reviewer UPN [--statement TEXT]` (contract.md): records a sign-off and prints the chained hash.</summary>
internal static class AttestCommand
{
    public static Command Create(CliContext context)
    {
        var run = new Option<string>("--run") { Description = "Run id (printed by review, listed in manifest.json)", Required = true };
        var reviewer = new Option<string>("--reviewer") { Description = "The reviewer's user principal name", Required = true };
        var statement = new Option<string?>("--statement") { Description = "What the reviewer attests (default: a standard acceptance statement)" };
        var command = new Command("attest", "Record a reviewer's sign-off of a published run and extend the attestation hash chain") { run, reviewer, statement };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, _) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var (attestation, verification) = await new Attestor(database, settings.Reports.OutputRoot, context.Time)
                .AttestAsync(parse.GetValue(run)!, parse.GetValue(reviewer)!, parse.GetValue(statement), cancellationToken);
            if (attestation is null)
            {
                context.Error.WriteLine($"attest refused: run {parse.GetValue(run)} does not verify:");
                foreach (var problem in verification.Problems)
                {
                    context.Error.WriteLine($"  CHANGED {problem}");
                }

                return ExitCodes.VerificationFailed;
            }

            context.Out.WriteLine($"Attested run {attestation.RunId} (tenant {attestation.Tenant}) by {attestation.Reviewer} at {attestation.AttestedAt}");
            context.Out.WriteLine($"  manifest sha256 {attestation.ManifestSha256}");
            context.Out.WriteLine($"  previous        {attestation.PreviousHash ?? "-"}");
            context.Out.WriteLine($"  chain hash      {attestation.ChainHash}");
            // manifest.json keeps the files as published; the attested copies' hashes are the sign-off's.
            foreach (var file in attestation.AttestedFiles)
            {
                context.Out.WriteLine($"  attested        {file.Name} sha256 {file.Sha256} ({file.Bytes} bytes)");
            }
            return ExitCodes.Completed;
        }));
        return command;
    }
}
