using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests;

public class DirectorySourcesTests
{
    [Fact]
    public async Task Mailboxes_join_get_mailbox_with_graph_users_row_for_row()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        Assert.Equal(SourceState.Collected, Source(evidence, EvidenceSources.Mailboxes).State);
        var expected = tenant.Fixture.Directory.Mailboxes;
        Assert.Equal(expected.Select(m => m.Id).Order(), evidence.Mailboxes.Select(m => m.UserId).Order());
        foreach (var m in expected)
        {
            var got = evidence.Mailboxes.Single(x => x.UserId == m.Id);
            Assert.Equal((m.Address, m.RecipientTypeDetails, m.AccountEnabled, m.AuditEnabled, m.Department, m.DistinguishedName),
                (got.PrimarySmtpAddress, got.RecipientTypeDetails, got.AccountEnabled, got.AuditEnabled, got.Department, got.DistinguishedName));
            Assert.Equal(m.CustomAttributes.Select(c => string.IsNullOrEmpty(c) ? null : c), got.CustomAttributes);
        }

        Assert.True(evidence.Mailboxes.Single(m => m.PrimarySmtpAddress == "reports-notification@contoso-demo.example").IsShared);
        // Get-Mailbox answered, so no per-mailbox mailboxSettings call was made.
        Assert.DoesNotContain(tenant.Host.Requests.Entries, e => e.PathAndQuery.Contains("mailboxSettings", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Groups_keep_direct_members_and_list_nested_groups_apart()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        Assert.Equal(tenant.Fixture.Directory.Groups.Count, evidence.Groups.Count);
        foreach (var g in tenant.Fixture.Directory.Groups)
        {
            var got = evidence.Groups.Single(x => x.Id == g.Id);
            Assert.Equal(g.Mail, got.Mail);
            Assert.Equal(g.MemberUserIds.Order(), got.MemberUserIds.Order());
            Assert.Equal(g.MemberGroupIds.Order(), got.MemberGroupIds.Order());
            Assert.Equal(g.DistinguishedName, got.DistinguishedName);
        }

        var serviceDesk = evidence.Groups.Single(g => g.Mail == "servicedesk-senders@contoso-demo.example");
        Assert.Single(serviceDesk.MemberGroupIds); // IT On-call is nested, its two members are not expanded
        Assert.Single(serviceDesk.MemberUserIds);
        // The DN that the Service Desk Senders Scope's MemberOfGroup filter names, read from Get-Group.
        Assert.Equal(
            "CN=servicedesk-senders,OU=contoso-demo.example,OU=Microsoft Exchange Hosted Organizations,DC=EURPR01A001,DC=PROD,DC=OUTLOOK,DC=COM",
            serviceDesk.DistinguishedName);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.Contains("InvokeCommand", StringComparison.Ordinal) && e.Status == 200);
    }

    [Fact]
    public async Task Groups_stay_collected_without_invented_distinguished_names_when_get_group_is_refused()
    {
        await using var tenant = await RunningTenant.StartAsync(FixtureJson.WithFailures("\"deniedPermissions\": [\"exchange\"]"));
        var (evidence, _) = await tenant.CollectAsync();

        var groups = Source(evidence, EvidenceSources.Groups);
        Assert.Equal(SourceState.Collected, groups.State);
        Assert.Equal(tenant.Fixture.Directory.Groups.Count, evidence.Groups.Count);
        Assert.All(evidence.Groups, g => Assert.Null(g.DistinguishedName));
        Assert.Equal(tenant.Fixture.Directory.Groups.Sum(g => g.MemberUserIds.Count), evidence.Groups.Sum(g => g.MemberUserIds.Count));
    }

    [Fact]
    public async Task Administrative_units_delegated_grants_and_organization_config_match_the_fixture()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        var unit = Assert.Single(evidence.AdministrativeUnits);
        Assert.Equal(tenant.Fixture.Directory.AdministrativeUnits[0].MemberUserIds.Order(), unit.MemberUserIds.Order());
        var grant = Assert.Single(evidence.DelegatedGrants);
        var expected = tenant.Fixture.Directory.DelegatedGrants[0];
        Assert.Equal((expected.Id, expected.ClientId, expected.ConsentType, expected.ResourceId, expected.Scope), (grant.Id, grant.ClientId, grant.ConsentType, grant.ResourceId, grant.Scope));
        Assert.Equal(new OrganizationAuditConfig(false), evidence.OrganizationConfig);
    }

    [Fact]
    public async Task Exchange_rbac_from_graph_beta_keeps_opath_text_verbatim_and_resolves_scope_kinds()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, _) = await tenant.CollectAsync();

        AssertRbacMatchesFixture(tenant, evidence);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/beta/roleManagement/exchange/roleAssignments", StringComparison.Ordinal));
        Assert.DoesNotContain(tenant.Host.Requests.Entries, e => e.PathAndQuery.Contains("InvokeCommand", StringComparison.Ordinal) && e.Status != 200);
    }

    [Fact]
    public async Task Exchange_rbac_falls_back_to_invoke_command_when_graph_beta_is_refused()
    {
        await using var tenant = await RunningTenant.StartAsync(FixtureJson.WithFailures("\"deniedPermissions\": [\"roleManagement\"]"));
        var (evidence, _) = await tenant.CollectAsync();

        Assert.Equal(SourceState.Collected, Source(evidence, EvidenceSources.ExchangeRbac).State);
        Assert.Contains(tenant.Host.Requests.Entries, e => e.PathAndQuery.StartsWith("/beta/roleManagement", StringComparison.Ordinal) && e.Status == 403);
        AssertRbacMatchesFixture(tenant, evidence);
    }

    [Fact]
    public async Task Refused_permission_leaves_that_source_not_collected_naming_the_permission_and_how_to_grant_it()
    {
        await using var tenant = await RunningTenant.StartAsync(FixtureJson.WithFailures("\"deniedPermissions\": [\"groups\", \"oauth2PermissionGrants\"]"));
        var (evidence, _) = await tenant.CollectAsync();

        var groups = Source(evidence, EvidenceSources.Groups);
        Assert.Equal(SourceState.NotCollected, groups.State);
        Assert.Contains("missing permission GroupMember.Read.All", groups.Reason, StringComparison.Ordinal);
        Assert.Contains("Authorization_RequestDenied", groups.Reason, StringComparison.Ordinal);
        Assert.Contains("Grant the Microsoft Graph application permission GroupMember.Read.All", groups.Reason, StringComparison.Ordinal);
        Assert.Empty(evidence.Groups);
        Assert.Contains("Directory.Read.All", Source(evidence, EvidenceSources.DelegatedGrants).Reason, StringComparison.Ordinal);
        Assert.Equal(SourceState.Collected, Source(evidence, EvidenceSources.Mailboxes).State);
        Assert.Equal(SourceState.Collected, Source(evidence, EvidenceSources.AdministrativeUnits).State);
    }

    private static void AssertRbacMatchesFixture(RunningTenant tenant, CollectedEvidence evidence)
    {
        var directory = tenant.Fixture.Directory;
        Assert.Equal(directory.ManagementScopes.Select(s => (s.Id, s.Name, (string?)s.RecipientFilter, s.Exclusive)).OrderBy(s => s.Id),
            evidence.ManagementScopes.Select(s => (s.Id, s.Name, s.RecipientFilter, s.Exclusive)).OrderBy(s => s.Id));
        Assert.Equal(directory.RoleAssignments.Count, evidence.ExchangeRoleAssignments.Count);
        foreach (var a in directory.RoleAssignments)
        {
            var got = evidence.ExchangeRoleAssignments.Single(x => x.Id == a.Id);
            var (type, scope) = a.ScopeId is { } s ? (ExchangeScopeType.CustomRecipientScope, s)
                : a.AdministrativeUnitId is { } u ? (ExchangeScopeType.AdministrativeUnit, u) : (ExchangeScopeType.Organization, (string?)null);
            Assert.Equal((a.Role.Name, a.ServicePrincipalId, type, scope), (got.RoleName, got.PrincipalObjectId, got.ScopeType, got.ScopeId));
        }

        // The malformed Marketing filter is kept exactly as written, unbalanced parenthesis included.
        Assert.Contains(evidence.ManagementScopes, s => s.RecipientFilter == "Department -eq 'Marketing' -and (CustomAttribute5 -eq 'newsletter'");
    }

    private static SourceResult Source(CollectedEvidence evidence, string name) => evidence.Sources.Single(s => s.Name == name);
}
