using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests;

/// <summary>
/// The activity sources against the demo's planted rows (docs/tenant-fixture.md "Planted conditions"): what the
/// sign-in, send and audit controls will read is exactly what the tenant holds in the review window.
/// </summary>
public class ActivityContentTests
{
    private const string Payroll = "11111111-1111-4111-8111-000000000001";
    private const string Finance = "11111111-1111-4111-8111-000000000002";
    private const string Tailspin = "11111111-1111-4111-8111-000000000004";
    private const string Woodgrove = "11111111-1111-4111-8111-000000000005";
    private const string Adatum = "11111111-1111-4111-8111-000000000006";

    private static bool InWindow(DateTimeOffset at) => at >= RunningTenant.Window.Start && at < RunningTenant.Window.End;

    [Fact]
    public async Task Sign_ins_keep_credential_type_key_id_and_error_code_row_for_row()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        var expected = tenant.Fixture.Activity.SignIns.Where(s => InWindow(s.CreatedDateTime))
            .Select(s => (s.Id, s.AppId, s.ErrorCode, (string?)s.ClientCredentialType, s.CredentialKeyId, (string?)s.IpAddress)).Order().ToList();
        Assert.Equal(expected, evidence.SignIns.Select(s => (s.Id, s.AppId, s.ErrorCode, s.ClientCredentialType, s.CredentialKeyId, s.IpAddress)).Order().ToList());

        Assert.Equal(14, evidence.SignIns.Count(s => s.AppId == Finance && s.ErrorCode == 7000215));
        Assert.Equal(12, evidence.SignIns.Count(s => s.AppId == Payroll && s.ErrorCode == 7000222));
        Assert.Contains(evidence.SignIns, s => s.AppId == Finance && s.ErrorCode == 0 && s.IpAddress == "192.0.2.77");
        var adatum = evidence.SignIns.Where(s => s.AppId == Adatum).ToList();
        Assert.NotEmpty(adatum);
        Assert.All(adatum, s => Assert.Equal("clientSecret", s.ClientCredentialType));
        Assert.All(adatum, s => Assert.EndsWith("601", s.CredentialKeyId, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Message_trace_per_sender_and_status_matches_the_fixture()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        var senders = RunningTenant.Senders.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var expected = tenant.Fixture.Activity.Messages.Where(m => senders.Contains(m.SenderAddress) && InWindow(m.ReceivedDateTime))
            .GroupBy(m => (Sender: m.SenderAddress.ToLowerInvariant(), Status: m.Status.ToLowerInvariant())).ToDictionary(g => g.Key, g => g.Count());
        var actual = evidence.MessageTrace
            .GroupBy(m => (Sender: m.SenderAddress.ToLowerInvariant(), Status: m.Status.ToLowerInvariant())).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal(evidence.MessageTrace.Count, evidence.MessageTrace.Select(m => m.Id).Distinct().Count());

        // hr-notification's planted 25 % failure rate shows as failed and filteredAsSpam rows.
        Assert.Contains(actual.Keys, k => k == ("hr-notification@contoso-demo.example", "failed"));
        Assert.Contains(actual.Keys, k => k == ("hr-notification@contoso-demo.example", "filteredasspam"));
        Assert.Equal(3, actual.Where(k => k.Key.Sender == "marketing-newsletter@contoso-demo.example").Sum(k => k.Value));
    }

    [Fact]
    public async Task Mailbox_audit_keeps_send_as_with_the_app_id()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        var expected = tenant.Fixture.Activity.MailboxAudit.Where(a => InWindow(a.CreatedDateTime))
            .Select(a => (a.Id, a.Operation, a.MailboxAddress.ToLowerInvariant(), (string?)a.AppId)).Order().ToList();
        Assert.Equal(expected, evidence.MailboxAudit.Select(a => (a.Id, a.Operation, a.MailboxAddress.ToLowerInvariant(), a.AppId)).Order().ToList());
        Assert.Contains(evidence.MailboxAudit, a => a.Operation == "SendAs" && a.AppId == Tailspin && a.MailboxAddress == "payroll-notification@contoso-demo.example");
        Assert.Contains(evidence.MailboxAudit, a => a.Operation == "Send" && a.AppId == Woodgrove && a.MailboxAddress == "marketing-newsletter@contoso-demo.example");
    }

    [Fact]
    public async Task Missing_transport_service_principal_leaves_message_trace_not_collected_naming_the_app()
    {
        var (evidence, reason) = await RunningTenant.NotCollectedAsync("\"messageTraceServicePrincipalMissing\": true", EvidenceSources.MessageTrace);
        Assert.Contains("8bd644d1-64a1-4d4b-ae52-2e0cbf64e373", reason, StringComparison.Ordinal);
        Assert.Empty(evidence.MessageTrace);
        Assert.Equal(SourceState.Collected, evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns).State);
    }

    [Fact]
    public async Task Audit_query_absent_from_v1_falls_back_to_beta_and_is_collected()
    {
        await using var tenant = await RunningTenant.StartAsync(FixtureJson.WithFailures("\"auditQueryV1Absent\": true"));
        var (evidence, _) = await tenant.CollectAsync();

        var audit = evidence.Sources.Single(s => s.Name == EvidenceSources.MailboxAudit);
        Assert.Equal(SourceState.Collected, audit.State);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/v1.0/security/auditLog/queries", StringComparison.Ordinal) && e.Status == 404);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/beta/security/auditLog/queries", StringComparison.Ordinal) && e.Status is 200 or 201);
        Assert.Contains(evidence.MailboxAudit, a => a.Operation == "SendAs" && a.AppId == Tailspin);
    }
}
