using System.Text;
using Azure.Core;
using Microsoft.Graph.Models;

namespace Compliance.TenantSimulator.Tests;

/// <summary>
/// Issue 3 "Done when": every Graph endpoint pages and filters through the real Graph SDK, and tokens for Graph,
/// Exchange and Log Analytics come from the real Azure.Identity ClientSecretCredential and ClientCertificateCredential.
/// </summary>
public class GraphSdkEndpointTests
{
    private const string Domain = "contoso-demo.example";
    private const string FinanceAppId = "11111111-1111-4111-8111-000000000002";


    [Theory]
    [InlineData("secret")]
    [InlineData("certificate")]
    public async Task Both_credentials_page_applications_and_reach_graph_exchange_and_log_analytics(string kind)
    {
        await using var tenant = await TestTenant.StartAsync();
        using var certificate = GraphSdk.NewCertificate();
        var credential = GraphSdk.Credential(tenant, kind, certificate);
        var graph = GraphSdk.Client(tenant, credential);

        var apps = await GraphSdk.AllAsync<Application, ApplicationCollectionResponse>(graph,
            await graph.Applications.GetAsync(r => { r.QueryParameters.Top = 40; r.QueryParameters.Select = ["id", "appId"]; }));
        Assert.Equal(tenant.Fixture.Applications.Select(a => a.AppId).Order(), apps.Select(a => a.AppId!).Order());

        var byFilter = await graph.ServicePrincipals.GetAsync(r => r.QueryParameters.Filter = $"appId eq '{FinanceAppId}'");
        var byKey = await graph.ServicePrincipalsWithAppId(FinanceAppId).GetAsync();
        Assert.Equal(tenant.Fixture.ServicePrincipalByAppId(FinanceAppId)!.ObjectId, Assert.Single(byFilter!.Value!).Id);
        Assert.Equal(byFilter.Value![0].Id, byKey!.Id);

        // The same credential's tokens for the other two APIs are accepted there.
        var exchange = await credential.GetTokenAsync(new TokenRequestContext(["https://outlook.office365.com/.default"]), CancellationToken.None);
        var (exchangeStatus, mailboxes) = await ActivityEndpointTests.PostAsync(tenant, $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand", exchange.Token,
            """{"CmdletInput":{"CmdletName":"Get-Mailbox","Parameters":{"RecipientTypeDetails":"SharedMailbox"}}}""");
        Assert.Equal(200, exchangeStatus);
        Assert.Contains($"finance-notification@{Domain}", mailboxes.GetRawText(), StringComparison.Ordinal);
        var logs = await credential.GetTokenAsync(new TokenRequestContext(["https://api.loganalytics.io/.default"]), CancellationToken.None);
        var (logStatus, rows) = await ActivityEndpointTests.PostAsync(tenant, "v1/workspaces/5a1e0000-0000-4000-8000-00000000d3e0/query", logs.Token,
            $$"""{"query":"AADServicePrincipalSignInLogs | where AppId == '{{FinanceAppId}}' | take 3","timespan":"P30D"}""");
        Assert.Equal(200, logStatus);
        Assert.True(rows.TryGetProperty("tables", out _));
    }

    [Fact]
    public async Task Certificate_credential_gets_tokens_only_with_the_registered_certificate()
    {
        using var registered = GraphSdk.NewCertificate();
        using var other = GraphSdk.NewCertificate();
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { Throttling = false, ClientCertificate = registered });
        var scope = new TokenRequestContext([GraphSdk.GraphScope]);

        Assert.NotEmpty((await GraphSdk.Certificate(tenant, registered).GetTokenAsync(scope, CancellationToken.None)).Token);
        var refused = await Assert.ThrowsAsync<Azure.Identity.AuthenticationFailedException>(
            async () => await GraphSdk.Certificate(tenant, other).GetTokenAsync(scope, CancellationToken.None));
        Assert.Contains("AADSTS700027", refused.ToString(), StringComparison.Ordinal); // MSAL's inner exception carries the service's text
    }

    [Fact]
    public async Task Directory_endpoints_page_and_filter_through_the_sdk()
    {
        await using var tenant = await TestTenant.StartAsync();
        var graph = GraphSdk.Client(tenant, GraphSdk.Secret(tenant));
        var fixture = tenant.Fixture;

        var graphResource = fixture.ServicePrincipalByAppId("00000003-0000-0000-c000-000000000000")!.ObjectId;
        var assignedTo = await GraphSdk.AllAsync<AppRoleAssignment, AppRoleAssignmentCollectionResponse>(graph,
            await graph.ServicePrincipals[graphResource].AppRoleAssignedTo.GetAsync(r => r.QueryParameters.Top = 5));
        Assert.Equal(fixture.AppRoleAssignments.Where(a => a.ResourceId == graphResource).Select(a => a.Id).Order(), assignedTo.Select(a => a.Id!).Order());
        var northwind = fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000003")!.ObjectId;
        var held = await graph.ServicePrincipals[northwind].AppRoleAssignments.GetAsync();
        Assert.Equal(2, held!.Value!.Count);

        var enabled = await GraphSdk.AllAsync<User, UserCollectionResponse>(graph, await graph.Users.GetAsync(r =>
        {
            r.QueryParameters.Filter = "accountEnabled eq true";
            r.QueryParameters.Select = ["id", "accountEnabled"];
            r.QueryParameters.Top = 7;
        }));
        Assert.Equal(fixture.Directory.Mailboxes.Where(m => m.AccountEnabled).Select(m => m.Id).Order(), enabled.Select(u => u.Id!).Order());
        var settings = await graph.Users[$"finance-notification@{Domain}"].MailboxSettings.GetAsync();
        Assert.Equal(UserPurpose.Shared, settings!.UserPurpose);

        var group = Assert.Single((await graph.Groups.GetAsync(r => r.QueryParameters.Filter = $"mail eq 'servicedesk-senders@{Domain}'"))!.Value!);
        var members = await GraphSdk.AllAsync<DirectoryObject, DirectoryObjectCollectionResponse>(graph,
            await graph.Groups[group.Id].Members.GetAsync(r => r.QueryParameters.Top = 1));
        var expectedGroup = fixture.Directory.Groups.Single(g => g.Id == group.Id);
        Assert.Equal(expectedGroup.MemberUserIds.Concat(expectedGroup.MemberGroupIds).Order(), members.Select(m => m.Id!).Order());
        Assert.Contains(members, m => m is Group); // nested group, typed by @odata.type

        var unit = Assert.Single((await graph.Directory.AdministrativeUnits.GetAsync())!.Value!, u => u.DisplayName == "HR Department");
        var unitMembers = await graph.Directory.AdministrativeUnits[unit.Id].Members.GetAsync();
        Assert.Equal(fixture.Directory.AdministrativeUnits.Single(u => u.Id == unit.Id).MemberUserIds.Order(), unitMembers!.Value!.Select(m => m.Id!).Order());

        var finance = fixture.ServicePrincipalByAppId(FinanceAppId)!.ObjectId;
        var delegated = await graph.Oauth2PermissionGrants.GetAsync(r => r.QueryParameters.Filter = $"clientId eq '{finance}'");
        Assert.Equal("Mail.Send User.Read", Assert.Single(delegated!.Value!).Scope);
    }

    [Fact]
    public async Task Activity_endpoints_page_and_filter_through_the_sdk()
    {
        await using var tenant = await TestTenant.StartAsync();
        var credential = GraphSdk.Secret(tenant);
        var graph = GraphSdk.Client(tenant, credential);
        var beta = GraphSdk.Client(tenant, credential, "beta");
        var fixture = tenant.Fixture;

        // Beta sign-ins: the v1.0 SDK's signIn model reads them; the request goes to beta (m365-apis.md §1.1).
        var since = TestTenant.Anchor.AddDays(-30);
        var filter = $"signInEventTypes/any(t: t eq 'servicePrincipal') and appId eq '{FinanceAppId}' and createdDateTime ge {TestJson.Iso(since)}";
        var signIns = await GraphSdk.AllAsync<SignIn, SignInCollectionResponse>(beta, await beta.AuditLogs.SignIns.GetAsync(r =>
        {
            r.QueryParameters.Filter = filter;
            r.QueryParameters.Top = 50;
        }));
        Assert.Equal(fixture.Activity.SignIns.Where(s => s.AppId == FinanceAppId && s.CreatedDateTime >= since).Select(s => s.Id), signIns.Select(s => s.Id!));
        Assert.Equal(14, signIns.Count(s => s.Status!.ErrorCode == 7000215));

        var sender = $"hr-notification@{Domain}";
        DateTimeOffset from = TestTenant.Anchor.AddDays(-10), to = TestTenant.Anchor;
        var traces = await GraphSdk.AllAsync<ExchangeMessageTrace, ExchangeMessageTraceCollectionResponse>(graph,
            await graph.Admin.Exchange.Tracing.MessageTraces.GetAsync(r =>
            {
                r.QueryParameters.Filter = $"receivedDateTime ge {TestJson.Iso(from)} and receivedDateTime le {TestJson.Iso(to)} and senderAddress eq '{sender}'";
                r.QueryParameters.Top = 9;
            }));
        Assert.Equal(fixture.Activity.Messages.Where(m => m.SenderAddress == sender && m.ReceivedDateTime >= from && m.ReceivedDateTime <= to).Select(m => m.Id), traces.Select(t => t.Id!));

        var rbac = await GraphSdk.AllAsync<UnifiedRoleAssignment, UnifiedRoleAssignmentCollectionResponse>(beta,
            await beta.RoleManagement.Directory.RoleAssignments.WithUrl($"{tenant.Host.BaseUri}beta/roleManagement/exchange/roleAssignments").GetAsync());
        Assert.Equal(fixture.Directory.RoleAssignments.Select(a => a.Id).Order(), rbac.Select(a => a.Id!).Order());

        // Audit search: create, poll until succeeded, then page the records.
        var query = await beta.Security.AuditLog.Queries.PostAsync(new Microsoft.Graph.Models.Security.AuditLogQuery
        {
            DisplayName = "sdk test",
            FilterStartDateTime = TestTenant.Anchor.AddDays(-30),
            FilterEndDateTime = TestTenant.Anchor,
            RecordTypeFilters = [Microsoft.Graph.Models.Security.AuditLogRecordType.ExchangeItem],
            OperationFilters = ["Send", "SendAs"],
        });
        Assert.Equal(Microsoft.Graph.Models.Security.AuditLogQueryStatus.NotStarted, query!.Status);
        for (var i = 0; i < 5 && query!.Status != Microsoft.Graph.Models.Security.AuditLogQueryStatus.Succeeded; i++)
        {
            query = await beta.Security.AuditLog.Queries[query.Id].GetAsync();
        }

        Assert.Equal(Microsoft.Graph.Models.Security.AuditLogQueryStatus.Succeeded, query!.Status);
        var records = await GraphSdk.AllAsync<Microsoft.Graph.Models.Security.AuditLogRecord, Microsoft.Graph.Models.Security.AuditLogRecordCollectionResponse>(beta,
            await beta.Security.AuditLog.Queries[query.Id].Records.GetAsync(r => r.QueryParameters.Top = 1));
        Assert.Equal(
            fixture.Activity.MailboxAudit.Count(a => a.CreatedDateTime >= TestTenant.Anchor.AddDays(-30) && a.CreatedDateTime <= TestTenant.Anchor && a.Operation is "Send" or "SendAs"),
            records.Count);

        await graph.Users[$"payroll-notification@{Domain}"].SendMail.PostAsync(new Microsoft.Graph.Users.Item.SendMail.SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = "SDK test",
                Body = new ItemBody { ContentType = BodyType.Text, Content = "hello" },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = $"secops@{Domain}" } }],
            },
        });
        var subject = $"Subject: =?utf-8?B?{Convert.ToBase64String(Encoding.UTF8.GetBytes("SDK test"))}?=";
        Assert.Contains(tenant.Host.SentMail.Messages, m => m.Contains(subject, StringComparison.Ordinal) && m.Contains($"To: secops@{Domain}", StringComparison.Ordinal));
    }
}
