using System.CommandLine;
using Compliance.Rules.Engine;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`review [--demo] [--period yyyy-MM] [--tenant NAME] [--out DIR]` (contract.md).</summary>
internal static class ReviewCommand
{
    public static Command Create(CliContext context)
    {
        var demo = new Option<bool>("--demo") { Description = "Run against the built-in demo tenant (tenant simulator on loopback; no credentials, no network)" };
        var period = new Option<string?>("--period") { Description = "Month under review, yyyy-MM (default: the current month)" };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant name from appsettings.json Tenants" };
        var fixture = new Option<string?>("--fixture") { Description = "With --demo: serve this tenant fixture file (docs/tenant-fixture.md) instead of the built-in demo tenant" };
        var scale = new Option<Compliance.TenantSimulator.Generation.TenantScale?>("--scale") { Description = "With --demo: review a generated tenant (small | large) instead of the built-in one" };
        var seed = new Option<int>("--seed") { Description = "Seed of the generated tenant (default 1)", DefaultValueFactory = _ => 1 };
        var output = new Option<string?>("--out") { Description = "Output root (default: Reports:OutputRoot); documents go to <root>/<tenant>/<yyyy-MM>/" };
        var command = new Command("review", "Collect evidence, evaluate every control and publish the PDF, workbook, findings.json and manifest.json")
        {
            demo, period, tenant, output, fixture, scale, seed,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var request = new ReviewRequest(parse.GetValue(tenant), parse.GetValue(demo), parse.GetValue(period), parse.GetValue(output), parse.GetValue(fixture))
            {
                Scale = parse.GetValue(scale),
                Seed = parse.GetValue(seed),
            };
            return await context.RunAsync(parse, async (settings, log) =>
            {
                var outcome = await new ReviewPipeline(settings, context.Time, log).RunAsync(request, cancellationToken);
                PrintSummary(context.Out, outcome);
                return outcome.ExitCode;
            });
        });
        return command;
    }

    private static void PrintSummary(TextWriter output, ReviewOutcome outcome)
    {
        var run = outcome.Run;
        output.WriteLine($"Run {run.Id}: tenant {run.Tenant}, period {run.Period}, status {run.Status.ToString().ToLowerInvariant()}");
        foreach (var control in outcome.Evaluation.Controls)
        {
            var suffix = control.Outcome == ControlOutcome.NotEvaluated ? $" — {control.Reason}" : $" ({control.Failures} of {control.Population} failed)";
            output.WriteLine($"  {control.Rule.Id,-10} {control.Outcome,-13} {control.Rule.Title}{suffix}");
        }

        var bySeverity = outcome.Evaluation.Findings.GroupBy(f => f.Finding.Severity).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}");
        output.WriteLine($"Findings: {outcome.Evaluation.Findings.Count} ({string.Join(", ", bySeverity)})");
        output.WriteLine($"Reports: {Path.GetFullPath(outcome.Report.Directory)}");
        foreach (var file in outcome.Report.Files)
        {
            output.WriteLine($"  {file.Name}  sha256 {file.Sha256}");
        }
    }
}
