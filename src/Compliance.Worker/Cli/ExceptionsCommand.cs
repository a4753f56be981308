using System.CommandLine;
using System.Globalization;
using System.Net.Mail;
using System.Security.Cryptography;
using Compliance.Rules.Catalog;
using Compliance.Rules.Engine;
using Compliance.Storage;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Cli;

/// <summary>`exceptions add|list|revoke`: the waiver register (contract.md).</summary>
internal static class ExceptionsCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("exceptions", "The waiver (exception) register: a finding, or a rule on a resource, accepted until a date");
        command.Subcommands.Add(Add(context));
        command.Subcommands.Add(List(context));
        command.Subcommands.Add(Revoke(context));
        return command;
    }

    private static Command Add(CliContext context)
    {
        var rule = new Option<string>("--rule") { Description = "Control id, e.g. SCOPE-004", Required = true };
        var resource = new Option<string>("--resource") { Description = "Resource id as in findings.json (app id, mailbox address, …)", Required = true };
        var reason = new Option<string>("--reason") { Description = "Why the risk is accepted", Required = true };
        var approver = new Option<string>("--approver") { Description = "UPN of the person accepting the risk", Required = true };
        var until = new Option<string>("--until") { Description = "Last day the waiver applies, yyyy-MM-dd (UTC)", Required = true };
        var ticket = new Option<string?>("--ticket") { Description = "Change or risk ticket reference" };
        var fingerprint = new Option<string?>("--fingerprint") { Description = "Waive only this finding (from findings.json) rather than the rule on the resource" };
        var tenant = new Option<string?>("--tenant") { Description = "Limit the waiver to one tenant" };
        var command = new Command("add", "Record a waiver") { rule, resource, reason, approver, until, ticket, fingerprint, tenant };
        command.SetAction(async (parse, cancellationToken) => await context.RunAsync(parse, async (settings, _) =>
        {
            var now = context.Time.GetUtcNow();
            var waiver = Validate(parse.GetValue(rule)!, parse.GetValue(resource)!, parse.GetValue(reason)!, parse.GetValue(approver)!,
                parse.GetValue(until)!, parse.GetValue(ticket), parse.GetValue(fingerprint), now);
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            await new WaiverRepository(database).AddAsync(waiver, parse.GetValue(tenant), cancellationToken);
            context.Out.WriteLine($"Waiver {waiver.Id}: {waiver.RuleId} on {waiver.ResourceId} until {waiver.Until.AddDays(-1):yyyy-MM-dd} (approved by {waiver.Approver})");
            return 0;
        }));
        return command;
    }

    private static Command List(CliContext context)
    {
        var tenant = new Option<string?>("--tenant") { Description = "Only waivers that apply to this tenant" };
        var command = new Command("list", "List waivers with their state") { tenant };
        command.SetAction(async (parse, cancellationToken) => await context.RunAsync(parse, async (settings, _) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var waivers = await new WaiverRepository(database).ListAsync(parse.GetValue(tenant), cancellationToken);
            var now = context.Time.GetUtcNow();
            context.Out.WriteLine($"{"ID",-14} {"STATE",-9} {"RULE",-10} {"UNTIL",-10} {"APPROVER",-28} RESOURCE — REASON");
            foreach (var w in waivers)
            {
                var state = w.RevokedAt is not null ? "revoked" : w.IsExpiredAt(now) ? "expired" : "active";
                context.Out.WriteLine($"{w.Id,-14} {state,-9} {w.RuleId,-10} {w.Until.AddDays(-1):yyyy-MM-dd} {w.Approver,-28} {w.ResourceId} — {w.Reason}");
            }

            if (waivers.Count == 0)
            {
                context.Out.WriteLine("(no waivers)");
            }

            return 0;
        }));
        return command;
    }

    private static Command Revoke(CliContext context)
    {
        var id = new Argument<string>("id") { Description = "Waiver id as shown by `exceptions list`" };
        var command = new Command("revoke", "Revoke a waiver (the finding counts again from the next run)") { id };
        command.SetAction(async (parse, cancellationToken) => await context.RunAsync(parse, async (settings, _) =>
        {
            var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
            var waiverId = parse.GetValue(id)!;
            if (!await new WaiverRepository(database).RevokeAsync(waiverId, context.Time.GetUtcNow(), cancellationToken))
            {
                throw new ConfigurationException($"exceptions revoke: no active waiver with id '{waiverId}' (see `exceptions list`)");
            }

            context.Out.WriteLine($"Waiver {waiverId} revoked.");
            return 0;
        }));
        return command;
    }

    private static Waiver Validate(
        string ruleId, string resource, string reason, string approver, string until, string? ticket, string? fingerprint, DateTimeOffset now)
    {
        var rule = RuleCatalog.All.FirstOrDefault(r => string.Equals(r.Metadata.Id, ruleId, StringComparison.OrdinalIgnoreCase))
            ?? throw new ConfigurationException($"--rule: '{ruleId}' is not a control (known: {string.Join(", ", RuleCatalog.All.Select(r => r.Metadata.Id).Order(StringComparer.Ordinal))})");
        if (!DateTime.TryParseExact(until, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var lastDay))
        {
            throw new ConfigurationException($"--until: '{until}' is not a date in the form yyyy-MM-dd");
        }

        // The waiver covers the whole of its last day (UTC); it stops applying at the next midnight.
        var end = new DateTimeOffset(lastDay.Date.AddDays(1), TimeSpan.Zero);
        if (end <= now)
        {
            throw new ConfigurationException($"--until: {until} is in the past; a waiver must end on a future date");
        }

        if (string.IsNullOrWhiteSpace(reason))
        {
            throw new ConfigurationException("--reason: say why the risk is accepted");
        }

        if (!MailAddress.TryCreate(approver, out var address) || address.Address != approver)
        {
            throw new ConfigurationException($"--approver: '{approver}' is not a UPN (name@domain)");
        }

        if (string.IsNullOrWhiteSpace(resource))
        {
            throw new ConfigurationException("--resource: give the resource id from findings.json");
        }

        var id = "W-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5));
        return new Waiver(id, rule.Metadata.Id, resource.Trim(), fingerprint, reason.Trim(), approver, ticket, now, end, null);
    }
}
