using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>Exchange RBAC for Applications through Graph beta and through InvokeCommand cmdlets.</summary>
public class ExchangeRbacTests
{
    private const string Domain = "contoso-demo.example";
    private const string Adatum = "11111111-1111-4111-8111-000000000006";
    private const string Northwind = "11111111-1111-4111-8111-000000000003";

    private static async Task<(int Status, JsonElement Body)> InvokeAsync(TestTenant tenant, string cmdlet, string parameters, string? query = null)
    {
        var token = await tenant.TokenAsync("https://outlook.office365.com/.default");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"adminapi/beta/{tenant.Host.TenantId}/InvokeCommand{query}")
        {
            Content = new StringContent("{\"CmdletInput\":{\"CmdletName\":\"" + cmdlet + "\",\"Parameters\":" + parameters + "}}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await tenant.Http.SendAsync(request);
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return ((int)response.StatusCode, doc.RootElement.Clone());
    }

    [Fact]
    public async Task Beta_role_assignments_name_the_service_principal_and_the_custom_scope()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var adatum = tenant.Fixture.ServicePrincipalByAppId(Adatum)!;
        var (rows, _) = await TestJson.AllPagesAsync(tenant, $"beta/roleManagement/exchange/roleAssignments?$filter=principalId eq '/ServicePrincipals/{adatum.ObjectId}'", token);
        var assignment = Assert.Single(rows);
        Assert.Equal(JsonValueKind.Null, assignment.GetProperty("directoryScopeId").ValueKind);

        var (scopes, _) = await TestJson.AllPagesAsync(tenant, "beta/roleManagement/exchange/customAppScopes", token);
        var scope = Assert.Single(scopes, s => s.Str("id") == assignment.Str("appScopeId"));
        Assert.Equal("RecipientScope", scope.Str("type"));
        Assert.Equal($"PrimarySmtpAddress -eq 'reports-notification@{Domain}'", scope.GetProperty("customAttributes").Str("RecipientFilter"));
        Assert.Contains(scopes, s => s.GetProperty("customAttributes").GetProperty("Exclusive").GetBoolean());

        var (definitions, _) = await TestJson.AllPagesAsync(tenant, "beta/roleManagement/exchange/roleDefinitions", token);
        var role = Assert.Single(definitions, d => d.Str("id") == assignment.Str("roleDefinitionId"));
        Assert.Equal("Application Mail.Send", role.Str("displayName"));
        Assert.Contains(tenant.Host.BaseUri + "beta/$metadata#roleManagement/exchange/roleDefinitions", definitions.Count > 0 ? (await tenant.GetAsync("beta/roleManagement/exchange/roleDefinitions", token)).Body.Str("@odata.context") : "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beta_admin_unit_assignment_uses_the_directory_scope()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        var (rows, _) = await TestJson.AllPagesAsync(tenant, "beta/roleManagement/exchange/roleAssignments", token);
        Assert.Equal(6, rows.Count);
        Assert.Single(rows, r => r.Str("directoryScopeId") == "/AdministrativeUnits/a1000000-0000-4000-8000-000000000001");
        // Organisation-wide: LOB-013's Mail Full Access and Proseware's unscoped Mail.Send.
        Assert.Equal(2, rows.Count(r => r.Str("directoryScopeId") == "/" && r.GetProperty("appScopeId").ValueKind == JsonValueKind.Null));
    }

    [Fact]
    public async Task Get_mailbox_filters_on_recipient_type_and_carries_audit_and_opath_properties()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (status, body) = await InvokeAsync(tenant, "Get-Mailbox", "{\"RecipientTypeDetails\":\"SharedMailbox\",\"ResultSize\":\"Unlimited\"}");
        Assert.Equal(200, status);
        var rows = body.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(7, rows.Count);
        Assert.All(rows, r => Assert.Equal("SharedMailbox", r.Str("RecipientTypeDetails")));
        var desk = Assert.Single(rows, r => r.Str("PrimarySmtpAddress") == $"servicedesk-notification@{Domain}");
        Assert.False(desk.GetProperty("AuditEnabled").GetBoolean());
        Assert.StartsWith("CN=servicedesk-notification,", desk.Str("DistinguishedName"), StringComparison.Ordinal);
        var reports = Assert.Single(rows, r => r.Str("Alias") == "reports-notification");
        Assert.Equal("AppScope-Reports", reports.Str("CustomAttribute1"));
        Assert.Equal("d0000000-0000-4000-8000-000000000005", reports.Str("ExternalDirectoryObjectId"));
    }

    [Fact]
    public async Task Scopes_assignments_service_principals_and_organization_config()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (_, scopes) = await InvokeAsync(tenant, "Get-ManagementScope", "{}");
        Assert.Contains(scopes.GetProperty("value").EnumerateArray(), s => s.Str("Name") == "Marketing Scope" && s.Str("RecipientFilter")!.EndsWith("'newsletter'", StringComparison.Ordinal));

        var (_, assignments) = await InvokeAsync(tenant, "Get-ManagementRoleAssignment", "{\"RoleAssigneeType\":\"ServicePrincipal\"}");
        var rows = assignments.GetProperty("value").EnumerateArray().ToList();
        Assert.Equal(6, rows.Count);
        var northwindSp = tenant.Fixture.ServicePrincipalByAppId(Northwind)!;
        var northwind = Assert.Single(rows, r => r.Str("App") == northwindSp.ObjectId);
        Assert.Equal("CustomRecipientScope", northwind.Str("RecipientWriteScope"));
        Assert.Equal("Service Desk Senders Scope", northwind.Str("CustomResourceScope"));
        var (_, everything) = await InvokeAsync(tenant, "Get-ManagementRoleAssignment", "{}");
        Assert.Contains(everything.GetProperty("value").EnumerateArray(), r => r.Str("RoleAssigneeType") == "RoleGroup");

        var (_, pointers) = await InvokeAsync(tenant, "Get-ServicePrincipal", "{}");
        Assert.Contains(pointers.GetProperty("value").EnumerateArray(), p => p.Str("AppId") == Adatum && p.Str("ServiceId") == tenant.Fixture.ServicePrincipalByAppId(Adatum)!.ObjectId);

        var (_, org) = await InvokeAsync(tenant, "Get-OrganizationConfig", "{}", "?$select=AuditDisabled,Name");
        var config = Assert.Single(org.GetProperty("value").EnumerateArray());
        Assert.False(config.GetProperty("AuditDisabled").GetBoolean());
        Assert.Equal(["AuditDisabled", "Name"], config.EnumerateObject().Select(p => p.Name).ToArray());
    }

    [Fact]
    public async Task Test_service_principal_authorization_evaluates_the_scope_and_ignores_the_entra_grant()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (_, inScope) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"{Adatum}\",\"Resource\":\"reports-notification@{Domain}\"}}");
        var row = Assert.Single(inScope.GetProperty("value").EnumerateArray());
        Assert.Equal("True", row.Str("InScope"));
        Assert.Equal("CustomRecipientScope", row.Str("ScopeType"));
        Assert.Equal("Mail.Send", row.Str("GrantedPermissions"));

        var (_, outOfScope) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"{Adatum}\",\"Resource\":\"ceo@{Domain}\"}}");
        Assert.Equal("False", outOfScope.GetProperty("value")[0].Str("InScope"));

        // Northwind's MemberOfGroup scope counts direct members only: the nested on-call group's members are out.
        var (_, direct) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"{Northwind}\",\"Resource\":\"servicedesk-notification@{Domain}\"}}");
        Assert.Equal("True", direct.GetProperty("value")[0].Str("InScope"));
        var (_, nested) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"{Northwind}\",\"Resource\":\"it-oncall-1@{Domain}\"}}");
        Assert.Equal("False", nested.GetProperty("value")[0].Str("InScope"));

        var (_, notRun) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"{Northwind}\"}}");
        Assert.Equal("Not Run", Assert.Single(notRun.GetProperty("value").EnumerateArray()).Str("InScope"));

        // Woodgrove's scope filter is malformed: it covers nobody.
        var (_, broken) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", $"{{\"Identity\":\"11111111-1111-4111-8111-000000000005\",\"Resource\":\"marketing-newsletter@{Domain}\"}}");
        Assert.Equal("False", broken.GetProperty("value")[0].Str("InScope"));

        // Payroll has only an Entra grant: the cmdlet excludes Entra permissions, so it knows no assignment.
        var (status, error) = await InvokeAsync(tenant, "Test-ServicePrincipalAuthorization", "{\"Identity\":\"11111111-1111-4111-8111-000000000001\"}");
        Assert.Equal(400, status);
        Assert.Contains("couldn't be found", error.GetProperty("error").GetProperty("details")[0].Str("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_parameter_is_refused()
    {
        await using var tenant = await TestTenant.StartAsync();
        var (status, body) = await InvokeAsync(tenant, "Get-Mailbox", "{\"Database\":\"x\"}");
        Assert.Equal(400, status);
        Assert.Equal("A parameter cannot be found that matches parameter name 'Database'.", body.GetProperty("error").GetProperty("details")[0].Str("message"));
    }
}
