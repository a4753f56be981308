using System.Globalization;
using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>Turns an <see cref="IntegrationPlan"/> into directory objects and planted activity rows.</summary>
internal sealed class PlanCommitter(TenantAssembler tenant, int seed)
{
    public List<SimSignIn> SignIns { get; } = [];
    public List<SimMessage> Messages { get; } = [];
    public List<SimAuditRecord> Audit { get; } = [];
    public List<SimIntegration> Register { get; } = [];
    public List<SimExpectedFinding> Expected { get; } = [];

    public void Commit(IntegrationPlan plan)
    {
        var created = tenant.Anchor.AddDays(-400 - plan.Number % 300);
        SimCredential Credential(PlanCredential c) => new(c.KeyId, c.IsCertificate, c.DisplayName, c.Start, c.End);
        var sp = tenant.AddApp(
            plan.AppId, plan.DisplayName, created,
            plan.Credentials.Where(c => !c.OnServicePrincipal).Select(Credential).ToList(),
            plan.Credentials.Where(c => c.OnServicePrincipal).Select(Credential).ToList());
        foreach (var (resource, role) in plan.EntraGrants)
        {
            tenant.Grant(sp, resource, role, created.AddHours(1));
        }

        foreach (var mailbox in plan.Mailboxes)
        {
            tenant.AddMailbox(mailbox.Address, mailbox.Type, mailbox.AccountEnabled, mailbox.AuditEnabled, mailbox.Department, created);
        }

        foreach (var group in plan.Groups)
        {
            tenant.AddGroup(group.Mail, group.DisplayName, group.Members);
        }

        var scopes = plan.Scopes.ToDictionary(s => s.Name, s => tenant.AddScope(s.Name, s.Filter).Id, StringComparer.Ordinal);
        var units = plan.Units.ToDictionary(u => u.Name, u => tenant.AddUnit(u.Name, u.Members).Id, StringComparer.Ordinal);
        foreach (var rbac in plan.Rbac)
        {
            var role = ExchangeRoleCatalog.Find(rbac.Role);
            var scopeId = rbac.ScopeName is null ? null : scopes[rbac.ScopeName];
            var unitId = rbac.UnitName is null ? null : units[rbac.UnitName];
            tenant.RoleAssignments.Add(new SimRoleAssignment(
                FixtureBuilder.DeterministicGuid("rbac", plan.AppId + role.Name + rbac.ScopeName + rbac.UnitName), $"{role.Name}-{sp.DisplayName}".Replace(' ', '-'),
                role, sp.ObjectId, sp.AppId, sp.DisplayName, scopeId, unitId, true, created.AddDays(1)));
        }

        foreach (var (right, groupMail) in plan.AccessPolicies)
        {
            var group = tenant.Groups.Last(g => string.Equals(g.Mail, groupMail, StringComparison.OrdinalIgnoreCase));
            var index = tenant.AccessPolicies.Count + 1;
            tenant.AccessPolicies.Add(new SimAccessPolicy(
                $"{tenant.TenantId}\\{plan.AppId}:S-1-5-21-3141592653-589793238-462643383-{(1000 + index).ToString(CultureInfo.InvariantCulture)};{group.Id}",
                plan.AppId, right, group.DisplayName, group.Mail, $"{plan.DisplayName} ({right})"));
        }

        foreach (var scope in plan.DelegatedScopes)
        {
            var id = Convert.ToBase64String(Guid.Parse(sp.ObjectId).ToByteArray().Concat(Guid.Parse(tenant.Graph.ObjectId).ToByteArray()).ToArray()).TrimEnd('=').Replace('+', '-').Replace('/', '_');
            tenant.DelegatedGrants.Add(new SimDelegatedGrant(id, sp.ObjectId, "AllPrincipals", null, tenant.Graph.ObjectId, scope));
        }

        AddActivity(plan, sp);
        Register.AddRange(plan.RegisterEntries);
        Expected.AddRange(plan.Expected);
    }

    private void AddActivity(IntegrationPlan plan, SimServicePrincipal sp)
    {
        var n = 0;
        foreach (var s in plan.SignIns)
        {
            SignIns.Add(new SimSignIn(RowIds.Guid(seed, 100 + plan.Number, n++), s.At, sp.AppId, sp.DisplayName, sp.ObjectId, s.ErrorCode, s.ClientCredentialType, s.KeyId, s.IpAddress, "Microsoft Graph", RoleCatalog.GraphAppId));
        }

        n = 0;
        foreach (var m in plan.Messages)
        {
            var id = RowIds.Guid(seed, 200_000 + plan.Number, n);
            Messages.Add(new SimMessage(id, m.At, m.Sender, $"customer{(n % 400).ToString(CultureInfo.InvariantCulture)}@example.net",
                $"<{id[..8]}.{n.ToString(CultureInfo.InvariantCulture)}@{tenant.Domain}>", $"{plan.DisplayName} notification", 20_000 + n % 40_000, m.Status));
            n++;
        }

        n = 0;
        foreach (var a in plan.Audit)
        {
            var mailbox = tenant.Mailbox(a.MailboxAddress);
            Audit.Add(new SimAuditRecord(RowIds.Guid(seed, 400_000 + plan.Number, n++), a.At, a.Operation, mailbox.Address, mailbox.Id, plan.AppId, $"{plan.DisplayName} notification"));
        }
    }
}
