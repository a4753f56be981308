using System.Globalization;
using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Generates a tenant for a scale and seed (issue 3 item 6). Everything derives from the seed and the anchor, never
/// from System.Random or the clock, so the same seed gives the same tenant. Expected findings are recorded while the
/// defects are planted (<see cref="DefectPlanter"/>, <see cref="UnregisteredApps"/>), not by running the rules.
/// </summary>
internal static class TenantGenerator
{
    private static readonly string[] Departments = ["Sales", "Finance", "HR", "IT", "Legal", "Operations", "Marketing", "Support"];
    private static readonly string[] ReadRoles =
        ["User.Read.All", "Group.Read.All", "Directory.Read.All", "Sites.Read.All", "Files.ReadWrite.All", "Calendars.Read", "Reports.Read.All",
         "AuditLog.Read.All", "Application.Read.All", "Team.ReadBasic.All", "Mail.Read", "Contacts.Read"];

    public static TenantFixture Generate(TenantScale scale, int seed, DateTimeOffset anchor, double activityScale)
    {
        var profile = ScaleProfile.Of(scale).WithActivity(activityScale);
        var name = $"generated-{scale.ToString().ToLowerInvariant()}";
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        var tenantId = FixtureBuilder.DeterministicGuid(seedText, name);
        var domain = $"{name}-{seedText}.example";
        var tenant = new TenantAssembler(tenantId, domain, anchor);

        var (shared, users) = AddBackgroundMailboxes(tenant, profile, anchor);
        AddBackgroundGroups(tenant, profile, users);
        var context = new GenerationContext(seed, anchor, domain, shared);
        var committer = new PlanCommitter(tenant, seed);
        foreach (var plan in Plans(context, profile))
        {
            committer.Commit(plan);
        }

        var auditor = tenant.AddApp(FixtureBuilder.DeterministicGuid(seedText, "auditor"), "Compliance auditor", anchor.AddDays(-30), [], []);
        foreach (var role in new[] { "Application.Read.All", "AuditLog.Read.All", "User.Read.All", "Group.Read.All", "MailboxSettings.Read" })
        {
            tenant.Grant(auditor, RoleCatalog.GraphKey, role, anchor.AddDays(-30));
        }

        var firstBackground = tenant.ServicePrincipals.Count;
        AddBackgroundApps(tenant, profile, seed, anchor, profile.ServicePrincipals - 2 - firstBackground);
        var background = tenant.ServicePrincipals.Skip(firstBackground).ToList();
        tenant.ServicePrincipals.Add(tenant.Graph);
        tenant.ServicePrincipals.Add(tenant.Exchange);

        var stream = new BackgroundActivity(seed, anchor, background, users, profile.BackgroundSignIns, profile.BackgroundMessages);
        var activity = new SimActivity(
            new MergedRows<SimSignIn>(committer.SignIns.OrderByDescending(s => s.CreatedDateTime).ToList(), stream.SignInCount, stream.SignIn, s => s.CreatedDateTime),
            new MergedRows<SimMessage>(committer.Messages.OrderByDescending(m => m.ReceivedDateTime).ToList(), stream.MessageCount, stream.Message, m => m.ReceivedDateTime),
            committer.Audit.OrderByDescending(a => a.CreatedDateTime).ToList());
        var directory = new SimDirectory(tenant.Mailboxes, tenant.Groups, tenant.Units, tenant.Scopes, ExchangeRoleCatalog.All, tenant.RoleAssignments, tenant.DelegatedGrants, false);
        return new TenantFixture(tenantId, name, domain, auditor.AppId, anchor, tenant.Applications, tenant.ServicePrincipals, tenant.Grants, tenant.AccessPolicies,
            ExpectedFindingsJson.Write([.. committer.Expected, FirstReview.NeverAttested(GeneratedTenantName.Of(scale, seed))]))
        {
            Directory = directory,
            Activity = activity,
            Register = committer.Register,
        };
    }

    private static IEnumerable<IntegrationPlan> Plans(GenerationContext context, ScaleProfile profile)
    {
        var number = 0;
        var defects = Enumerable.Repeat("clean", profile.CleanIntegrations)
            .Concat(Enumerable.Range(0, profile.CopiesPerDefect).SelectMany(_ => DefectPlanter.Registered));
        foreach (var defect in defects)
        {
            var plan = CleanIntegration.Create(context, ++number, defect);
            DefectPlanter.Plant(context, plan);
            yield return plan;
        }

        foreach (var kind in Enumerable.Range(0, profile.CopiesPerUnregisteredKind).SelectMany(_ => UnregisteredApps.Kinds))
        {
            yield return UnregisteredApps.Create(context, ++number, kind);
        }
    }

    /// <summary>
    /// Shared mailboxes have sign-in blocked and every mailbox is audited: apps that can send as every mailbox put them all
    /// in scope, and only the planted ones may trip MBX-002/MBX-003.
    /// </summary>
    private static (List<string> Shared, List<string> Users) AddBackgroundMailboxes(TenantAssembler tenant, ScaleProfile profile, DateTimeOffset anchor)
    {
        var shared = new List<string>(profile.SharedMailboxes);
        var users = new List<string>(profile.UserMailboxes);
        for (var i = 1; i <= profile.SharedMailboxes; i++)
        {
            shared.Add(tenant.AddMailbox($"shared{i:D5}@{tenant.Domain}", "shared", false, true, Departments[i % Departments.Length], anchor.AddDays(-(200 + i % 1500))).Address);
        }

        for (var i = 1; i <= profile.UserMailboxes; i++)
        {
            users.Add(tenant.AddMailbox($"user{i:D5}@{tenant.Domain}", "user", true, true, Departments[i % Departments.Length], anchor.AddDays(-(30 + i % 2500))).Address);
        }

        for (var i = 1; i <= profile.RoomMailboxes; i++)
        {
            tenant.AddMailbox($"room{i:D4}@{tenant.Domain}", "room", false, true, "Facilities", anchor.AddDays(-900));
        }

        for (var i = 1; i <= profile.EquipmentMailboxes; i++)
        {
            tenant.AddMailbox($"equipment{i:D4}@{tenant.Domain}", "equipment", false, true, "Facilities", anchor.AddDays(-900));
        }

        return (shared, users);
    }

    /// <summary>Groups of eight people; every fifth group also nests the group before it. Units hold twenty people each.</summary>
    private static void AddBackgroundGroups(TenantAssembler tenant, ScaleProfile profile, List<string> users)
    {
        for (var g = 1; g <= profile.Groups; g++)
        {
            var members = Enumerable.Range(0, 8).Select(k => users[(g * 8 + k) % users.Count]).ToList();
            if (g % 5 == 0)
            {
                members.Add($"team{g - 1:D4}@{tenant.Domain}");
            }

            tenant.AddGroup($"team{g:D4}@{tenant.Domain}", $"Team {g:D4}", members);
        }

        for (var u = 1; u <= profile.AdministrativeUnits; u++)
        {
            tenant.AddUnit($"Region {u:D2}", Enumerable.Range(0, 20).Select(k => users[(u * 20 + k) % users.Count]));
        }
    }

    /// <summary>
    /// Apps without any mail permission: most hold nothing, every Nth holds one to three read permissions, and their
    /// credentials span every age (none, fresh, long-lived, expired). They are outside the register, so no control reads them.
    /// </summary>
    private static void AddBackgroundApps(TenantAssembler tenant, ScaleProfile profile, int seed, DateTimeOffset anchor, int count)
    {
        var seedText = seed.ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i <= count; i++)
        {
            var appId = FixtureBuilder.DeterministicGuid(seedText, "background-app-" + i.ToString(CultureInfo.InvariantCulture));
            var mix = ActivityBuilder.Mix(seed, i);
            var age = mix % 1500;
            var credentials = (i % 4) switch
            {
                0 => [],
                1 => [new SimCredential(FixtureBuilder.DeterministicGuid(appId, "key1"), false, "secret", anchor.AddDays(-age), anchor.AddDays(-age + (mix % 3 == 0 ? 730 : 180)))],
                2 => [new SimCredential(FixtureBuilder.DeterministicGuid(appId, "key1"), true, "certificate", anchor.AddDays(-age), anchor.AddDays(-age + 1095))],
                _ => new List<SimCredential>
                {
                    new(FixtureBuilder.DeterministicGuid(appId, "key1"), false, "old secret", anchor.AddDays(-age - 400), anchor.AddDays(-age - 220)),
                    new(FixtureBuilder.DeterministicGuid(appId, "key2"), false, "secret", anchor.AddDays(-age % 180), anchor.AddDays(-age % 180 + 180)),
                },
            };
            var sp = tenant.AddApp(appId, $"Line-of-business app {i:D6}", anchor.AddDays(-(age + 30)), credentials, []);
            if (i % profile.GraphPermissionEvery == 0)
            {
                for (var r = 0; r <= mix % 3; r++)
                {
                    tenant.Grant(sp, RoleCatalog.GraphKey, ReadRoles[(mix / 3 + r * 5) % ReadRoles.Length], anchor.AddDays(-age));
                }
            }
        }
    }
}
