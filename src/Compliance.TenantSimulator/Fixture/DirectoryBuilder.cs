using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>Resolves mailboxes, groups, admin units, scopes, RBAC assignments and delegated grants, checking every reference.</summary>
internal static class DirectoryBuilder
{
    public static SimDirectory Build(FixtureDocument document, string domain, DateTimeOffset anchor, IReadOnlyList<SimServicePrincipal> servicePrincipals)
    {
        var mailboxes = document.Mailboxes.Select(m => Mailbox(m, domain, anchor)).ToList();
        Unique(mailboxes.Select(m => m.Address), "mailbox address");
        var byAddress = mailboxes.ToDictionary(m => m.Address, StringComparer.OrdinalIgnoreCase);

        var groupIds = document.Groups.ToDictionary(g => g.Mail, g => Id(g.Id, "group", g.Mail), StringComparer.OrdinalIgnoreCase);
        var groups = document.Groups.Select(g =>
        {
            var users = new List<string>();
            var nested = new List<string>();
            foreach (var member in g.Members)
            {
                if (byAddress.TryGetValue(member, out var mailbox))
                {
                    users.Add(mailbox.Id);
                }
                else if (groupIds.TryGetValue(member, out var groupId))
                {
                    nested.Add(groupId);
                }
                else
                {
                    throw new InvalidDataException($"Group {g.Mail}: member '{member}' is neither a mailbox nor a group of the fixture.");
                }
            }

            return new SimGroup(groupIds[g.Mail], g.DisplayName, g.Mail, DistinguishedName(Alias(g.Mail), domain), users, nested);
        }).ToList();

        var units = document.AdministrativeUnits.Select(u => new SimAdministrativeUnit(
            Id(u.Id, "au", u.DisplayName),
            u.DisplayName,
            u.Members.Select(a => byAddress.TryGetValue(a, out var m) ? m.Id : throw new InvalidDataException($"Administrative unit {u.DisplayName}: '{a}' is not a mailbox of the fixture.")).ToList())).ToList();

        var scopes = document.ManagementScopes.Select(s => new SimManagementScope(
            Id(s.Id, "scope", s.Name), s.Name, s.RecipientFilter, s.Exclusive, $"CN={s.Name},CN=Scopes,CN=RBAC,CN={domain},CN=ConfigurationUnits,DC=EURPR01A001,DC=PROD,DC=OUTLOOK,DC=COM")).ToList();

        var assignments = new List<SimRoleAssignment>();
        foreach (var a in document.RoleAssignments)
        {
            var sp = servicePrincipals.FirstOrDefault(s => string.Equals(s.AppId, a.AppId, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"Role assignment: app {a.AppId} is not in the fixture.");
            if (a.CustomResourceScope is not null && a.AdministrativeUnit is not null)
            {
                throw new InvalidDataException($"Role assignment for {a.AppId}: give customResourceScope or administrativeUnit, not both.");
            }

            var role = ExchangeRoleCatalog.Find(a.Role);
            var scope = a.CustomResourceScope is null ? null
                : scopes.FirstOrDefault(s => s.Name == a.CustomResourceScope) ?? throw new InvalidDataException($"Role assignment for {a.AppId}: no management scope '{a.CustomResourceScope}'.");
            var unit = a.AdministrativeUnit is null ? null
                : units.FirstOrDefault(u => u.DisplayName == a.AdministrativeUnit) ?? throw new InvalidDataException($"Role assignment for {a.AppId}: no administrative unit '{a.AdministrativeUnit}'.");
            var name = $"{role.Name}-{sp.DisplayName}".Replace(' ', '-');
            assignments.Add(new SimRoleAssignment(
                Id(a.Id, "rbac", a.AppId + role.Name + scope?.Name + unit?.DisplayName), name, role, sp.ObjectId, sp.AppId, sp.DisplayName, scope?.Id, unit?.Id, a.Enabled,
                a.CreatedDateTime is null ? anchor.AddDays(-120) : RelativeDate.Resolve(a.CreatedDateTime, anchor)));
        }

        var grants = document.DelegatedGrants.Select(g =>
        {
            var sp = servicePrincipals.FirstOrDefault(s => string.Equals(s.AppId, g.AppId, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"Delegated grant: app {g.AppId} is not in the fixture.");
            var resourceAppId = RoleCatalog.AppId(g.Resource);
            var resource = servicePrincipals.First(s => s.AppId == resourceAppId);
            string? principal = null;
            if (g.ConsentType == "Principal")
            {
                principal = g.Principal is not null && byAddress.TryGetValue(g.Principal, out var m) ? m.Id
                    : throw new InvalidDataException($"Delegated grant for {g.AppId}: consentType Principal needs a principal mailbox of the fixture.");
            }
            else if (g.ConsentType != "AllPrincipals")
            {
                throw new InvalidDataException($"Delegated grant for {g.AppId}: consentType must be AllPrincipals or Principal.");
            }

            // Real oauth2PermissionGrant ids are base64url of clientId+resourceId(+principalId); any stable opaque string is faithful enough.
            var id = g.Id ?? Convert.ToBase64String(Guid.Parse(sp.ObjectId).ToByteArray().Concat(Guid.Parse(resource.ObjectId).ToByteArray()).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            return new SimDelegatedGrant(id, sp.ObjectId, g.ConsentType, principal, resource.ObjectId, g.Scope);
        }).ToList();

        var mailUsers = document.MailUsers
            .Select(u => Mailbox(u, domain, anchor, type: "user") with { RecipientTypeDetails = "MailUser", UserPurpose = "", AuditEnabled = false })
            .ToList();
        Unique(mailboxes.Concat(mailUsers).Select(m => m.Address), "mailbox or mail user address");
        return new SimDirectory(mailboxes, groups, units, scopes, ExchangeRoleCatalog.All, assignments, grants, document.Organization.AuditDisabled) { MailUsers = mailUsers };
    }

    private static SimMailbox Mailbox(FixtureMailbox m, string domain, DateTimeOffset anchor, string? type = null)
    {
        var (purpose, details) = (type ?? m.Type) switch
        {
            "shared" => ("shared", "SharedMailbox"),
            "user" => ("user", "UserMailbox"),
            "room" => ("room", "RoomMailbox"),
            "equipment" => ("equipment", "EquipmentMailbox"),
            _ => throw new InvalidDataException($"Mailbox {m.Address}: type must be shared, user, room or equipment."),
        };
        if (!m.Address.Contains('@', StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Mailbox '{m.Address}' is not an email address.");
        }

        var alias = Alias(m.Address);
        var attributes = new string?[15];
        foreach (var (key, value) in m.CustomAttributes)
        {
            if (!int.TryParse(key, out var n) || n is < 1 or > 15)
            {
                throw new InvalidDataException($"Mailbox {m.Address}: custom attribute '{key}' must be 1..15.");
            }

            attributes[n - 1] = value;
        }

        var id = Id(m.Id, "user", m.Address);
        return new SimMailbox(
            id, m.Address, alias, m.DisplayName ?? alias, purpose, details,
            m.AccountEnabled ?? purpose != "shared", m.AuditEnabled, m.Department, m.Company, m.Office, attributes,
            DistinguishedName(alias, domain), FixtureBuilder.DeterministicGuid(id, "exchange-guid"),
            m.CreatedDateTime is null ? anchor.AddDays(-400) : RelativeDate.Resolve(m.CreatedDateTime, anchor));
    }

    /// <summary>Exchange Online recipient DNs sit under the tenant's OU in the hosted-organisations container.</summary>
    public static string DistinguishedName(string alias, string domain) =>
        $"CN={alias},OU={domain},OU=Microsoft Exchange Hosted Organizations,DC=EURPR01A001,DC=PROD,DC=OUTLOOK,DC=COM";

    private static string Alias(string address) => address[..address.IndexOf('@', StringComparison.Ordinal)];

    private static string Id(string? given, string kind, string key) =>
        string.IsNullOrEmpty(given) ? FixtureBuilder.DeterministicGuid(kind, key.ToLowerInvariant()) : given;

    private static void Unique(IEnumerable<string> values, string what)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var v in values)
        {
            if (!seen.Add(v))
            {
                throw new InvalidDataException($"Duplicate {what} '{v}' in the fixture.");
            }
        }
    }
}
