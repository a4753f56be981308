using System.CommandLine;
using Compliance.Storage;
using Compliance.Worker.Alerts;
using Compliance.Worker.Review;

namespace Compliance.Worker.Cli;

/// <summary>`alerts send [--dry-run] [--tenant NAME | --demo]`: deliver pending alerts from the outbox, or show what would go.</summary>
internal static class AlertsCommand
{
    public static Command Create(CliContext context)
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Print pending messages and what a new alert would contain; send and record nothing" };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant whose connection sends (default: every tenant with pending mail)" };
        var demo = new Option<bool>("--demo") { Description = "Send through the built-in demo tenant (simulator)" };
        var send = new Command("send", "Deliver pending alerts from the outbox") { dryRun, tenant, demo };
        send.SetAction((parse, cancellationToken) => context.RunAsync(parse, async (settings, log) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var service = new AlertService(settings, database, context.Time, log);
            var pending = (await new OutboxRepository(database).AllAsync(cancellationToken)).Where(m => m.Status == "pending").ToList();
            var tenants = parse.GetValue(demo) ? [DemoTenantSession.TenantName]
                : parse.GetValue(tenant) is { } t ? [t]
                : pending.Select(m => m.Tenant).Distinct(StringComparer.Ordinal).ToList();
            if (parse.GetValue(dryRun))
            {
                await PrintDryRunAsync(context, service, pending, tenants, cancellationToken);
                return ExitCodes.Completed;
            }

            var exit = ExitCodes.Completed;
            foreach (var name in tenants)
            {
                var request = new ReviewRequest(name, name == DemoTenantSession.TenantName && !settings.Tenants.ContainsKey(name), null, null);
                await using var session = await ReviewPipeline.OpenSessionAsync(request, settings, context.Time, cancellationToken);
                var result = await service.DeliverAsync(name, session.Connection, cancellationToken);
                context.Out.WriteLine($"{name}: {result}");
                exit = result.Failed > 0 || result.Retrying > 0 ? ExitCodes.Failed : exit;
            }

            if (tenants.Count == 0)
            {
                context.Out.WriteLine("Outbox: nothing pending");
            }

            return exit;
        }));
        return new Command("alerts", "The alert outbox") { send };
    }

    private static async Task PrintDryRunAsync(CliContext context, AlertService service, List<OutboxMessage> pending, IReadOnlyList<string> tenants, CancellationToken cancellationToken)
    {
        context.Out.WriteLine($"Outbox: {pending.Count} pending message(s) would be sent");
        foreach (var message in pending)
        {
            context.Out.WriteLine($"  {message.Id}  {message.Tenant}  from {message.Sender}  \"{message.Subject}\"  attempts {message.Attempts}{(message.LastError is null ? "" : $", last error {message.LastError}")}");
        }

        foreach (var name in tenants)
        {
            var preview = await service.PreviewDailyAsync(name, cancellationToken);
            if (preview is null || preview.IsEmpty)
            {
                context.Out.WriteLine($"{name}: a new alert now would contain nothing not already alerted");
                continue;
            }

            context.Out.WriteLine($"{name}: a new alert now would be \"{preview.Subject}\":");
            context.Out.Write(AlertRenderer.Text(preview, null).Replace("\r\n", Environment.NewLine, StringComparison.Ordinal));
        }
    }
}
