using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>Collects the directory objects of a generated tenant, with the same id derivations the fixture loader uses.</summary>
internal sealed class TenantAssembler
{
    private static readonly string?[] NoAttributes = new string?[15];
    private readonly Dictionary<string, string> graphRoles;
    private readonly Dictionary<string, string> exchangeRoles;
    private readonly Dictionary<string, SimMailbox> mailboxesByAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> groupIdsByMail = new(StringComparer.OrdinalIgnoreCase);

    public TenantAssembler(string tenantId, string domain, DateTimeOffset anchor)
    {
        TenantId = tenantId;
        Domain = domain;
        Anchor = anchor;
        Graph = new SimServicePrincipal(FixtureBuilder.DeterministicGuid(tenantId, RoleCatalog.GraphKey), RoleCatalog.GraphAppId, RoleCatalog.DisplayName(RoleCatalog.GraphKey), RoleCatalog.MicrosoftTenantId, RoleCatalog.Roles(RoleCatalog.GraphKey), []);
        Exchange = new SimServicePrincipal(FixtureBuilder.DeterministicGuid(tenantId, RoleCatalog.ExchangeKey), RoleCatalog.ExchangeAppId, RoleCatalog.DisplayName(RoleCatalog.ExchangeKey), RoleCatalog.MicrosoftTenantId, RoleCatalog.Roles(RoleCatalog.ExchangeKey), []);
        graphRoles = Graph.AppRoles.GroupBy(r => r.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
        exchangeRoles = Exchange.AppRoles.GroupBy(r => r.Value, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);
    }

    public string TenantId { get; }
    public string Domain { get; }
    public DateTimeOffset Anchor { get; }
    public SimServicePrincipal Graph { get; }
    public SimServicePrincipal Exchange { get; }
    public List<SimApplication> Applications { get; } = [];
    public List<SimServicePrincipal> ServicePrincipals { get; } = [];
    public List<SimAppRoleAssignment> Grants { get; } = [];
    public List<SimAccessPolicy> AccessPolicies { get; } = [];
    public List<SimMailbox> Mailboxes { get; } = [];
    public List<SimGroup> Groups { get; } = [];
    public List<SimAdministrativeUnit> Units { get; } = [];
    public List<SimManagementScope> Scopes { get; } = [];
    public List<SimRoleAssignment> RoleAssignments { get; } = [];
    public List<SimDelegatedGrant> DelegatedGrants { get; } = [];

    public SimMailbox Mailbox(string address) => mailboxesByAddress[address];

    public SimServicePrincipal AddApp(string appId, string displayName, DateTimeOffset created, IReadOnlyList<SimCredential> appCredentials, IReadOnlyList<SimCredential> spCredentials)
    {
        Applications.Add(new SimApplication(FixtureBuilder.DeterministicGuid(appId, "app"), appId, displayName, created, appCredentials));
        var sp = new SimServicePrincipal(FixtureBuilder.DeterministicGuid(appId, "sp"), appId, displayName, TenantId, [], spCredentials);
        ServicePrincipals.Add(sp);
        return sp;
    }

    public void Grant(SimServicePrincipal principal, string resourceKey, string role, DateTimeOffset created)
    {
        var (resource, roles) = resourceKey == RoleCatalog.ExchangeKey ? (Exchange, exchangeRoles) : (Graph, graphRoles);
        var roleId = roles.TryGetValue(role, out var id) ? id : throw new InvalidOperationException($"'{role}' is not an app role of {resource.DisplayName}.");
        Grants.Add(new SimAppRoleAssignment(FixtureBuilder.AssignmentId(principal.ObjectId, resource.ObjectId, roleId), roleId, created, principal.ObjectId, principal.DisplayName, resource.ObjectId, resource.DisplayName));
    }

    public SimMailbox AddMailbox(string address, string type, bool accountEnabled, bool auditEnabled, string? department, DateTimeOffset created)
    {
        var (purpose, details) = type switch
        {
            "shared" => ("shared", "SharedMailbox"),
            "user" => ("user", "UserMailbox"),
            "room" => ("room", "RoomMailbox"),
            _ => ("equipment", "EquipmentMailbox"),
        };
        var alias = address[..address.IndexOf('@', StringComparison.Ordinal)];
        var id = FixtureBuilder.DeterministicGuid("user", address.ToLowerInvariant());
        var mailbox = new SimMailbox(
            id, address, alias, alias, purpose, details, accountEnabled, auditEnabled, department, "Contoso", null, NoAttributes,
            DirectoryBuilder.DistinguishedName(alias, Domain), FixtureBuilder.DeterministicGuid(id, "exchange-guid"), created);
        Mailboxes.Add(mailbox);
        mailboxesByAddress.Add(address, mailbox);
        return mailbox;
    }

    /// <summary>Members are mailbox addresses or mail addresses of groups added earlier (nesting).</summary>
    public SimGroup AddGroup(string mail, string displayName, IEnumerable<string> members)
    {
        var users = new List<string>();
        var nested = new List<string>();
        foreach (var member in members)
        {
            if (groupIdsByMail.TryGetValue(member, out var groupId))
            {
                nested.Add(groupId);
            }
            else
            {
                users.Add(mailboxesByAddress[member].Id);
            }
        }

        var group = new SimGroup(DefectPlanter.GroupId(mail), displayName, mail, DirectoryBuilder.DistinguishedName(mail[..mail.IndexOf('@', StringComparison.Ordinal)], Domain), users, nested);
        Groups.Add(group);
        groupIdsByMail.Add(mail, group.Id);
        return group;
    }

    public SimAdministrativeUnit AddUnit(string displayName, IEnumerable<string> members)
    {
        var unit = new SimAdministrativeUnit(FixtureBuilder.DeterministicGuid("au", displayName.ToLowerInvariant()), displayName, members.Select(a => mailboxesByAddress[a].Id).ToList());
        Units.Add(unit);
        return unit;
    }

    public SimManagementScope AddScope(string name, string filter)
    {
        var scope = new SimManagementScope(FixtureBuilder.DeterministicGuid("scope", name.ToLowerInvariant()), name, filter, false,
            $"CN={name},CN=Scopes,CN=RBAC,CN={Domain},CN=ConfigurationUnits,DC=EURPR01A001,DC=PROD,DC=OUTLOOK,DC=COM");
        Scopes.Add(scope);
        return scope;
    }
}
