using System.CommandLine;
using Compliance.Worker.Doctor;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`doctor [--demo] [--tenant NAME]` (contract.md): the go-live preflight; exit 0 when every check is ok, 5 otherwise.</summary>
internal static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var demo = new Option<bool>("--demo") { Description = "Check against the built-in demo tenant (simulator)" };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant name from appsettings.json Tenants (default: every configured tenant)" };
        var command = new Command("doctor", "Preflight: configuration, token, each evidence source and its permission, with the fix for each problem") { demo, tenant };
        command.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, _) =>
        {
            var tenants = parse.GetValue(demo) ? [DemoTenantSession.TenantName] : parse.GetValue(tenant) is { } t ? [t] : settings.Tenants.Keys.ToList();
            if (tenants.Count == 0)
            {
                context.Error.WriteLine("doctor: no tenant configured in appsettings.json Tenants; give --tenant NAME or --demo");
                return ExitCodes.ConfigurationError;
            }

            var allOk = true;
            foreach (var name in tenants)
            {
                var request = new ReviewRequest(name, parse.GetValue(demo), null, null);
                await using var session = await ReviewPipeline.OpenSessionAsync(request, settings, context.Time, cancellationToken);
                var checks = await new PreflightDoctor(settings, context.Time).CheckAsync(session.Connection, cancellationToken);
                DoctorTable.Write(context.Out, name, checks);
                allOk &= checks.All(c => c.Status == CheckStatus.Ok);
            }

            return allOk ? ExitCodes.Completed : ExitCodes.PreflightFailed;
        }));
        return command;
    }
}
