using System.Globalization;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Mail-capable apps nobody registered (SCOPE-006, shadow integrations), one per sending path, each with the findings
/// its path must add: an unrestricted path also reaches personal mailboxes (MBX-001), an Entra grant without a
/// RestrictAccess policy is SCOPE-002, any access policy is SCOPE-004.
/// </summary>
internal static class UnregisteredApps
{
    public static readonly IReadOnlyList<string> Kinds =
    [
        "SCOPE-006 Entra Mail.Send, no policy", "SCOPE-006 RBAC Mail Full Access organisation-wide", "SCOPE-006 EXO full_access_as_app",
        "SCOPE-006 RBAC Mail.Send custom scope", "SCOPE-006 Entra Mail.Send with RestrictAccess", "SCOPE-006 RBAC Mail.Send administrative unit",
    ];

    public static IntegrationPlan Create(GenerationContext context, int number, string kind)
    {
        var n = number.ToString("D4", CultureInfo.InvariantCulture);
        var plan = new IntegrationPlan
        {
            Number = number,
            Defect = kind,
            AppId = context.Id("shadow-app", number),
            DisplayName = $"Shadow mailer {n}",
            Registered = false,
        };
        plan.Credentials.Add(new PlanCredential(context.Id("shadow-secret", number), false, "secret", context.Anchor.AddDays(-(number % 700)), context.Anchor.AddDays(730 - number % 700)));
        plan.Expect("SCOPE-006", Severity.High);
        switch (kind)
        {
            case "SCOPE-006 Entra Mail.Send, no policy":
                plan.EntraGrants.Add(("graph", "Mail.Send"));
                plan.Expect("SCOPE-002", Severity.Critical);
                plan.Expect("MBX-001", Severity.High);
                break;
            case "SCOPE-006 RBAC Mail Full Access organisation-wide":
                plan.Rbac.Add(new PlanRbac("Application Mail Full Access"));
                plan.Expect("MBX-001", Severity.High);
                break;
            case "SCOPE-006 EXO full_access_as_app":
                plan.EntraGrants.Add(("exchange", "full_access_as_app"));
                plan.Expect("MBX-001", Severity.High);
                break;
            case "SCOPE-006 RBAC Mail.Send custom scope":
                var scope = $"Shadow {n} Scope";
                plan.Scopes.Add((scope, $"PrimarySmtpAddress -eq '{context.BackgroundShared(number)}'"));
                plan.Rbac.Add(new PlanRbac("Application Mail.Send", scope));
                break;
            case "SCOPE-006 Entra Mail.Send with RestrictAccess":
                plan.EntraGrants.Add(("graph", "Mail.Send"));
                var group = context.Address($"shadow{n}-senders");
                plan.Groups.Add(new PlanGroup(group, $"Shadow {n} senders", [context.BackgroundShared(number + 1)]));
                plan.AccessPolicies.Add(("RestrictAccess", group));
                plan.Expect("SCOPE-004", Severity.Medium);
                break;
            case "SCOPE-006 RBAC Mail.Send administrative unit":
                var unit = $"Shadow {n} Unit";
                plan.Units.Add((unit, [context.BackgroundShared(number + 2), context.BackgroundShared(number + 3)]));
                plan.Rbac.Add(new PlanRbac("Application Mail.Send", UnitName: unit));
                break;
            default:
                throw new InvalidOperationException($"Unknown unregistered kind '{kind}'.");
        }

        return plan;
    }
}
