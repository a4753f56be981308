using System.CommandLine;
using System.Globalization;
using Compliance.Storage;
using Compliance.Worker.Operations;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`purge`: removes evidence older than Storage:RetentionMonths (findings, reports' hashes and attestations are kept).</summary>
internal static class PurgeCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("purge", "Delete raw and normalised evidence of runs older than Storage:RetentionMonths");
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, log) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var now = context.Time.GetUtcNow();
            var result = await RetentionPurge.RunAsync(database, settings, now, context.Time, cancellationToken);
            var cutoff = RetentionPurge.Cutoff(now, settings.Storage.RetentionMonths).ToString("O", CultureInfo.InvariantCulture);
            log.Info("purge", ("cutoff", cutoff), ("runs", result.Runs), ("pages", result.EvidencePages), ("rows", result.EvidenceRows));
            context.Out.WriteLine($"Purged evidence of {result.Runs} run(s) started before {cutoff}: {result.EvidencePages} page(s), {result.EvidenceRows} row(s)");
            return ExitCodes.Completed;
        }));
        return command;
    }
}
