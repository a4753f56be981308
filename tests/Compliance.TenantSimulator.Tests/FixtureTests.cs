using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

public class FixtureTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Relative_dates_resolve_against_the_anchor()
    {
        var fixture = TenantFixture.LoadDemo(Anchor);
        var fabrikam = fixture.Applications.Single(a => a.AppId == "11111111-1111-4111-8111-000000000002");
        Assert.Equal(Anchor.AddDays(12), Assert.Single(fabrikam.Credentials).EndDateTime);
        var adatum = fixture.Applications.Single(a => a.AppId == "11111111-1111-4111-8111-000000000006");
        Assert.Equal(Anchor.AddDays(30).AddHours(1), adatum.Credentials.Single(c => c.KeyId == "c0000000-0000-4000-8000-000000000601").EndDateTime);
        var tailspinSp = fixture.ServicePrincipalByAppId("11111111-1111-4111-8111-000000000004")!;
        Assert.Equal(Anchor.AddDays(5), Assert.Single(tailspinSp.Credentials).EndDateTime);
    }

    [Fact]
    public void Demo_has_248_apps_each_with_a_service_principal_plus_two_resource_principals()
    {
        var fixture = TenantFixture.LoadDemo(Anchor);
        Assert.Equal(248, fixture.Applications.Count);
        Assert.Equal(250, fixture.ServicePrincipals.Count);
        Assert.All(fixture.Applications, a => Assert.NotNull(fixture.ServicePrincipalByAppId(a.AppId)));
        var lob = fixture.Applications.Where(a => a.DisplayName.StartsWith("Line-of-business app", StringComparison.Ordinal)).Select(a => a.AppId).ToHashSet();
        var lobSps = fixture.ServicePrincipals.Where(s => lob.Contains(s.AppId)).Select(s => s.ObjectId).ToHashSet();
        var lobGrants = fixture.AppRoleAssignments.Where(g => lobSps.Contains(g.PrincipalId)).ToList();
        Assert.Equal(30, lobGrants.Count);
        Assert.DoesNotContain(lobGrants, g => g.AppRoleId == "b633e1c5-b582-4048-a93e-9f11b44c7e96");
    }

    [Fact]
    public void Filler_apps_are_the_same_on_every_load()
    {
        var a = TenantFixture.LoadDemo(Anchor).Applications.Select(x => x.AppId);
        var b = TenantFixture.LoadDemo(Anchor.AddDays(3)).Applications.Select(x => x.AppId);
        Assert.Equal(a, b);
    }

    [Fact]
    public void Expected_findings_parse_and_name_only_apps_and_key_ids_of_the_fixture()
    {
        var fixture = TenantFixture.LoadDemo(Anchor);
        using var doc = JsonDocument.Parse(fixture.ExpectedFindingsJson);
        var findings = doc.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(findings);
        var appIds = fixture.Applications.Select(a => a.AppId).ToHashSet();
        var keyIds = fixture.Applications.SelectMany(a => a.Credentials).Concat(fixture.ServicePrincipals.SelectMany(s => s.Credentials)).Select(c => c.KeyId).ToHashSet();
        foreach (var finding in findings)
        {
            // A finding names an app of the fixture, or (GOV-004) an evidence source by name.
            var resource = finding.GetProperty("appId").GetString()!;
            var mailboxes = fixture.Directory.Mailboxes.Select(m => m.Address).ToHashSet(StringComparer.OrdinalIgnoreCase);
            // An approved sender that does not exist (MBX-004 on Proseware's register entry) is named by its address.
            var approvedSenders = fixture.Directory.Mailboxes.Count == 0 ? [] : new[] { "expenses-notification@contoso-demo.example" };
            Assert.True(appIds.Contains(resource) || mailboxes.Contains(resource) || approvedSenders.Contains(resource) || resource.All(char.IsAsciiLetter),
                $"{resource} is neither an app nor a mailbox of the fixture, nor a source or tenant name");
            Assert.Matches("^[A-Z]{3,5}-[0-9]{3}$", finding.GetProperty("ruleId").GetString());
            Assert.Contains(finding.GetProperty("severity").GetString(), new[] { "critical", "high", "medium", "low" });
            if (finding.GetProperty("qualifier").ValueKind == JsonValueKind.String)
            {
                // A credential key id, or "<scope id>/<group id>" for a nested group (SCOPE-005).
                var qualifier = finding.GetProperty("qualifier").GetString()!;
                var scopeIds = fixture.Directory.ManagementScopes.Select(m => m.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
                Assert.True(keyIds.Contains(qualifier) || scopeIds.Contains(qualifier.Split('/')[0]), $"unknown qualifier {qualifier}");
            }
        }
    }

    [Fact]
    public void Custom_fixture_loads_with_empty_expected_findings_and_rejects_unknown_roles()
    {
        const string json = """
        { "tenant": { "id": "00000000-0000-4000-8000-000000000099", "name": "t", "domain": "t.example" },
          "auditorAppId": "00000000-0000-4000-8000-0000000000aa",
          "apps": [ { "appId": "00000000-0000-4000-8000-000000000001", "displayName": "One",
                      "credentials": [ { "keyId": "k1", "type": "secret", "end": "2027-01-01T00:00:00Z" } ],
                      "grants": [ { "resource": "exchange", "role": "Exchange.ManageAsApp" } ] } ] }
        """;
        var fixture = TenantFixture.Load(new MemoryStream(Encoding.UTF8.GetBytes(json)), Anchor);
        Assert.Equal("[]", fixture.ExpectedFindingsJson);
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), fixture.Applications[0].Credentials[0].EndDateTime);
        Assert.Equal("dc50a0fb-09a3-484d-be87-e023b12c6440", Assert.Single(fixture.AppRoleAssignments).AppRoleId);

        var bad = json.Replace("Exchange.ManageAsApp", "Mail.Sendd", StringComparison.Ordinal);
        Assert.Throws<InvalidDataException>(() => TenantFixture.Load(new MemoryStream(Encoding.UTF8.GetBytes(bad)), Anchor));
    }
}
