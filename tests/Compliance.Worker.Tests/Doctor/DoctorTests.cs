using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Compliance.Collectors;
using Compliance.TenantSimulator;
using Compliance.Worker.Configuration;
using Compliance.Worker.Doctor;

namespace Compliance.Worker.Tests.Doctor;

/// <summary>`doctor` against the simulator: all ok on the demo tenant; a planted missing permission is named with its fix.</summary>
public class DoctorTests
{
    [Fact]
    public async Task Doctor_demo_prints_all_ok_and_exits_0()
    {
        using var workspace = new TestWorkspace();
        var (exit, output, error) = await workspace.RunAsync("doctor", "--demo");
        Assert.True(exit == 0, output + error);
        Assert.Contains("all ok", output, StringComparison.Ordinal);
        foreach (var source in new[] { "token: Microsoft Graph", "token: Exchange admin API", "applications", "servicePrincipals", "appRoleGrants", "applicationAccessPolicies" })
        {
            Assert.Matches($@"\n  {System.Text.RegularExpressions.Regex.Escape(source)} +ok ", output);
        }
    }

    [Fact]
    public async Task A_tenant_whose_auditor_app_lacks_the_exchange_permission_gets_missing_permission_with_the_fix()
    {
        // The demo tenant with the fixture's own "failures" section planting a denied Exchange permission (docs/tenant-fixture.md).
        var assembly = typeof(TenantFixture).Assembly;
        await using var demo = assembly.GetManifestResourceStream("Compliance.TenantSimulator.Fixtures.demo.tenant.json")!;
        var json = (await JsonNode.ParseAsync(demo))!.AsObject();
        json["failures"] = new JsonObject { ["deniedPermissions"] = new JsonArray("exchange") };
        using var planted = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json.ToJsonString()));
        var fixture = TenantFixture.Load(planted, DateTimeOffset.UtcNow);

        var secret = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        await using var host = await SimulatorHost.StartAsync(fixture, new SimulatorOptions { ClientSecret = secret }, CancellationToken.None);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        var connection = new TenantConnection(host.TenantId, endpoints,
            TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport), transport);

        var checks = await new PreflightDoctor(new ComplianceSettings(), TimeProvider.System).CheckAsync(connection, CancellationToken.None);
        var policies = checks.Single(c => c.Name == "applicationAccessPolicies");
        Assert.Equal(CheckStatus.MissingPermission, policies.Status);
        Assert.Contains("Exchange.ManageAsApp", policies.Detail, StringComparison.Ordinal);
        Assert.Contains("Exchange.ManageAsApp", policies.Fix, StringComparison.Ordinal);
        Assert.Contains("New-ManagementRoleAssignment", policies.Fix, StringComparison.Ordinal);
        Assert.All(checks.Where(c => c.Name is "applications" or "servicePrincipals" or "appRoleGrants"), c => Assert.Equal(CheckStatus.Ok, c.Status));

        using var output = new StringWriter();
        DoctorTable.Write(output, "planted", checks);
        Assert.Contains("missing permission", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("fix:", output.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("missing permission AuditLog.Read.All (Graph ODataError Authorization_RequestDenied: Insufficient privileges)", CheckStatus.MissingPermission, "AuditLog.Read.All")]
    [InlineData("HTTP 403: tenant does not have a Microsoft Entra ID P1 or P2 licence", CheckStatus.MissingLicence, "P1")]
    [InlineData("token request failed: AADSTS500011: The resource principal named https://outlook.office365.com was not found", CheckStatus.PrerequisiteMissing, "New-MgServicePrincipal")]
    [InlineData("transport failure: connection refused", CheckStatus.Failed, null)]
    public void Reasons_are_classified_with_the_permission_named_in_the_fix(string reason, CheckStatus status, string? fixContains)
    {
        var (actual, fix) = PermissionFixes.Classify(reason);
        Assert.Equal(status, actual);
        if (fixContains is null)
        {
            Assert.Null(fix);
        }
        else
        {
            Assert.Contains(fixContains, fix, StringComparison.Ordinal);
        }
    }
}
