using Azure.Core;
using Compliance.Collectors;
using Compliance.Worker.Review;
using Compliance.Rules.Evidence;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Doctor;

/// <summary>
/// `doctor` (runbook step 6, the preflight before go-live): configuration (already validated by the loader), a token for
/// each API, then every evidence source called once through Compliance.Collectors' public API, each classified as ok /
/// missing permission / missing licence / prerequisite missing, with the fix.
/// </summary>
public sealed class PreflightDoctor(ComplianceSettings settings, TimeProvider time)
{
    public async Task<IReadOnlyList<DoctorCheck>> CheckAsync(ITenantSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var connection = session.Connection;
        List<DoctorCheck> checks = [new("configuration", CheckStatus.Ok, $"valid ({settings.Tenants.Count} tenant(s) configured)", null)];
        if (session.CredentialSource is { } credentialSource)
        {
            checks.Add(new DoctorCheck("credential", CheckStatus.Ok, credentialSource.ToString(), null));
        }

        foreach (var (api, scope) in new[] { ("token: Microsoft Graph", connection.Endpoints.GraphScope), ("token: Exchange admin API", connection.Endpoints.ExchangeScope) })
        {
            checks.Add(await TokenAsync(api, connection.Credential, scope, cancellationToken));
        }

        // One day of activity is enough to prove each source answers; the senders are those the register approves.
        var now = time.GetUtcNow();
        var window = new ReviewWindow(now.AddDays(-1), now);
        var options = session.Tune(new CollectionOptions
        {
            SenderAddresses = settings.RegisterFor(session.Tenant).SelectMany(i => i.ApprovedSenders).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
        });
        var collected = await new EvidenceCollection(connection, new DiscardingSink(), time, window, options).CollectAsync(progress: null, cancellationToken);
        foreach (var source in collected.Sources)
        {
            if (source.State == SourceState.Collected)
            {
                checks.Add(new DoctorCheck(source.Name, CheckStatus.Ok, $"{source.Records} record(s) in {source.Requests} request(s)", null));
                continue;
            }

            var reason = source.Reason ?? "not collected";
            var (status, fix) = PermissionFixes.Classify(reason);
            checks.Add(new DoctorCheck(source.Name, source.State == SourceState.Partial && status == CheckStatus.Failed ? CheckStatus.Failed : status, reason, fix));
        }

        checks.Add(AlertsCheck());
        return checks;
    }

    private DoctorCheck AlertsCheck()
    {
        var alerts = settings.Alerts;
        if (alerts.SenderMailbox is null || alerts.Recipients.Count == 0)
        {
            return new DoctorCheck("alerts", CheckStatus.PrerequisiteMissing, "Alerts:SenderMailbox or Alerts:Recipients is not set: no alert mail will be sent",
                "Set Alerts:SenderMailbox to a shared mailbox and Alerts:Recipients, then grant Mail.Send through Exchange RBAC scoped to that mailbox (README, Alerts).");
        }

        // Sending a probe mail would spam the recipients; the grant is checked by the first alert and by our own audit.
        return new DoctorCheck("alerts", CheckStatus.Ok, $"sender {alerts.SenderMailbox}, {alerts.Recipients.Count} recipient(s); Mail.Send is proven by the first alert (not probed)", null);
    }

    private static async Task<DoctorCheck> TokenAsync(string name, TokenCredential credential, string scope, CancellationToken cancellationToken)
    {
        try
        {
            var token = await credential.GetTokenAsync(new TokenRequestContext([scope]), cancellationToken);
            return new DoctorCheck(name, CheckStatus.Ok, $"obtained for {scope}, expires {token.ExpiresOn:yyyy-MM-dd HH:mm}Z", null);
        }
        catch (Azure.Identity.AuthenticationFailedException e)
        {
            var reason = e.Message.Split('\n', 2)[0];
            var (status, fix) = PermissionFixes.Classify(reason);
            return new DoctorCheck(name, status == CheckStatus.Failed ? CheckStatus.Failed : status, $"token request failed: {reason}",
                fix ?? "Check Tenants:<name>:TenantId, Auth:ClientId and the credential (secret environment variable or certificate), and that the app registration exists.");
        }
    }
}
