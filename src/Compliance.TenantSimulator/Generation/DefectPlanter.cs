using System.Globalization;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Plants one defect into a clean registered integration and records, by construction, every finding the change must
/// produce under the default CompliancePolicy (src/Compliance.Rules/Catalog). Where a defect necessarily trips more
/// than one control (an unrestricted scope is also wider than the approved mailboxes) every one is recorded.
/// </summary>
internal static class DefectPlanter
{
    /// <summary>Every registered-integration defect, in generation order ("clean" plants nothing).</summary>
    public static readonly IReadOnlyList<string> Registered =
    [
        "CRED-001 secret 200 days old", "CRED-001 secret 400 days old", "CRED-002 certificate expires in 12 days", "CRED-003 expired certificate left",
        "CRED-004 two active secrets", "CRED-005 secret lifetime 410 days", "CRED-006 secret on the service principal",
        "CRED-007 secret sign-ins though a certificate is expected", "CRED-007 no certificate at all",
        "PERM-001 User.Read.All besides Mail.Send", "PERM-001 Entra Mail.ReadWrite", "PERM-001 RBAC Application Mail Full Access", "PERM-002 delegated grant",
        "SCOPE-001 organisation-wide RBAC", "SCOPE-001 Entra Mail.Send with DenyAccess only", "SCOPE-002 Entra Mail.Send plus RBAC scope",
        "SCOPE-003 scope wider than approved", "SCOPE-004 legacy RestrictAccess policy", "SCOPE-005 second scope matches nothing",
        "SCOPE-005 approved mailbox outside the scope", "SCOPE-005 MemberOfGroup with nested group", "SCOPE-005 approved mailbox missing",
        "MBX-001 approved personal mailbox via administrative unit", "MBX-002 shared mailbox sign-in enabled", "MBX-003 auditing off", "MBX-004 approved mailbox unused",
        "SIGN-001 15 failed sign-ins", "SIGN-002 last sign-in 100 days ago", "SIGN-003 sign-in from outside the allowed range",
        "SEND-001 sent from a mailbox not approved", "SEND-002 4 failed deliveries today", "SEND-003 volume spike today",
        "GOV-001 register entry without owner and ticket", "GOV-002 one app id, two vendors",
    ];

    public static void Plant(GenerationContext context, IntegrationPlan plan)
    {
        var n = plan.Number.ToString("D4", CultureInfo.InvariantCulture);
        var approved = CleanIntegration.ApprovedSender(context, plan.Number);
        var anchor = context.Anchor;
        switch (plan.Defect)
        {
            case "clean":
                break;
            case "CRED-001 secret 200 days old":
                // Age > 180 with an end in the future means a lifetime > 180 too: CRED-005 comes with it.
                Secret(context, plan, anchor.AddDays(-200), anchor.AddDays(100), out var young);
                plan.Expect("CRED-001", Severity.Medium, young);
                plan.Expect("CRED-005", Severity.Medium, young);
                break;
            case "CRED-001 secret 400 days old":
                Secret(context, plan, anchor.AddDays(-400), anchor.AddDays(60), out var old);
                plan.Expect("CRED-001", Severity.High, old);
                plan.Expect("CRED-005", Severity.Medium, old);
                break;
            case "CRED-002 certificate expires in 12 days":
                plan.Credentials[0] = plan.Credentials[0] with { End = anchor.AddDays(12) };
                plan.Expect("CRED-002", Severity.High, plan.Credentials[0].KeyId);
                break;
            case "CRED-003 expired certificate left":
                var expired = new PlanCredential(context.Id("expired-cert", plan.Number), true, "old-certificate", anchor.AddDays(-400), anchor.AddDays(-10));
                plan.Credentials.Add(expired);
                plan.Expect("CRED-003", Severity.Low, expired.KeyId);
                break;
            case "CRED-004 two active secrets":
                Secret(context, plan, anchor.AddDays(-30), anchor.AddDays(60), out _);
                plan.Credentials.Add(new PlanCredential(context.Id("second-secret", plan.Number), false, "forgotten-secret", anchor.AddDays(-20), anchor.AddDays(70)));
                plan.Expect("CRED-004", Severity.Medium);
                break;
            case "CRED-005 secret lifetime 410 days":
                Secret(context, plan, anchor.AddDays(-10), anchor.AddDays(400), out var longLived);
                plan.Expect("CRED-005", Severity.Medium, longLived);
                break;
            case "CRED-006 secret on the service principal":
                var hidden = new PlanCredential(context.Id("sp-secret", plan.Number), false, "hidden-secret", anchor.AddDays(-10), anchor.AddDays(90), OnServicePrincipal: true);
                plan.Credentials.Add(hidden);
                plan.Expect("CRED-006", Severity.High, hidden.KeyId);
                break;
            case "CRED-007 secret sign-ins though a certificate is expected":
                Secret(context, plan, anchor.AddDays(-10), anchor.AddDays(90), out var used);
                plan.SignIns.Add(new PlanSignIn(context.Recent(0, 1), 0, "clientSecret", used, CleanIntegration.IpAddress(plan.Number)));
                plan.Expect("CRED-007", Severity.Low);
                break;
            case "CRED-007 no certificate at all":
                Secret(context, plan, anchor.AddDays(-10), anchor.AddDays(90), out var only);
                plan.Credentials.RemoveAt(0);
                plan.Entry = plan.Entry with { ExpectedCredentialType = "Secret" };
                for (var i = 0; i < plan.SignIns.Count; i++)
                {
                    plan.SignIns[i] = plan.SignIns[i] with { ClientCredentialType = "clientSecret", KeyId = only };
                }

                plan.Expect("CRED-007", Severity.Low);
                break;
            case "PERM-001 User.Read.All besides Mail.Send":
                plan.EntraGrants.Add(("graph", "User.Read.All"));
                plan.Expect("PERM-001", Severity.High);
                break;
            case "PERM-001 Entra Mail.ReadWrite":
                plan.EntraGrants.Add(("graph", "Mail.ReadWrite"));
                plan.Expect("PERM-001", Severity.Critical);
                break;
            case "PERM-001 RBAC Application Mail Full Access":
                plan.Rbac.Add(new PlanRbac("Application Mail Full Access", CleanIntegration.ScopeName(plan.Number)));
                plan.Expect("PERM-001", Severity.Critical);
                break;
            case "PERM-002 delegated grant":
                plan.DelegatedScopes.Add("Mail.Send User.Read");
                plan.Expect("PERM-002", Severity.Medium);
                break;
            case "SCOPE-001 organisation-wide RBAC":
                plan.Rbac[0] = new PlanRbac("Application Mail.Send");
                plan.Scopes.Clear();
                ExpectUnrestricted(plan);
                plan.Expect("SCOPE-001", Severity.High);
                break;
            case "SCOPE-001 Entra Mail.Send with DenyAccess only":
                plan.Rbac.Clear();
                plan.Scopes.Clear();
                plan.EntraGrants.Add(("graph", "Mail.Send"));
                var denied = context.Address($"int{n}-deny");
                plan.Groups.Add(new PlanGroup(denied, $"Integration {n} denied", [context.BackgroundShared(plan.Number)]));
                plan.AccessPolicies.Add(("DenyAccess", denied));
                ExpectUnrestricted(plan);
                plan.Expect("SCOPE-001", Severity.High);
                plan.Expect("SCOPE-002", Severity.Critical);
                plan.Expect("SCOPE-004", Severity.Medium);
                break;
            case "SCOPE-002 Entra Mail.Send plus RBAC scope":
                // The union pitfall: the RBAC scope narrows nothing.
                plan.EntraGrants.Add(("graph", "Mail.Send"));
                ExpectUnrestricted(plan);
                plan.Expect("SCOPE-002", Severity.Critical);
                break;
            case "SCOPE-003 scope wider than approved":
                plan.Mailboxes.Add(new PlanMailbox(context.Address($"int{n}-archive"), "shared", Department: $"Integration {n}"));
                plan.Scopes[0] = (plan.Scopes[0].Name, $"Department -eq 'Integration {n}'");
                plan.Expect("SCOPE-003", Severity.High);
                break;
            case "SCOPE-004 legacy RestrictAccess policy":
                plan.Rbac.Clear();
                plan.Scopes.Clear();
                plan.EntraGrants.Add(("graph", "Mail.Send"));
                var senders = context.Address($"int{n}-senders");
                plan.Groups.Add(new PlanGroup(senders, $"Integration {n} senders", [approved]));
                plan.AccessPolicies.Add(("RestrictAccess", senders));
                plan.Expect("SCOPE-004", Severity.Medium);
                break;
            case "SCOPE-005 second scope matches nothing":
                var empty = $"Integration {n} Retired";
                plan.Scopes.Add((empty, $"CustomAttribute7 -eq 'retired-{n}'"));
                plan.Rbac.Add(new PlanRbac("Application Mail.Send", empty));
                plan.Expect("SCOPE-005", Severity.Medium, ScopeId(context, empty));
                break;
            case "SCOPE-005 approved mailbox outside the scope":
                var second = context.Address($"int{n}-second");
                plan.Mailboxes.Add(new PlanMailbox(second, "shared"));
                plan.Entry = plan.Entry with { ApprovedSenders = [approved, second] };
                CleanIntegration.AddDailyMail(context, plan, second);
                plan.Expect("SCOPE-005", Severity.Medium, second);
                break;
            case "SCOPE-005 MemberOfGroup with nested group":
                var group = context.Address($"int{n}-group");
                var nested = context.Address($"int{n}-nested");
                plan.Groups.Add(new PlanGroup(nested, $"Integration {n} nested", [context.BackgroundShared(plan.Number + 1)]));
                plan.Groups.Add(new PlanGroup(group, $"Integration {n} group", [approved, nested]));
                plan.Scopes[0] = (plan.Scopes[0].Name, $"MemberOfGroup -eq '{Fixture.DirectoryBuilder.DistinguishedName($"int{n}-group", context.Domain)}'");
                plan.Expect("SCOPE-005", Severity.Medium, ScopeId(context, plan.Scopes[0].Name) + "/" + GroupId(group));
                break;
            case "SCOPE-005 approved mailbox missing":
                var ghost = context.Address($"int{n}-ghost");
                plan.Entry = plan.Entry with { ApprovedSenders = [approved, ghost] };
                plan.Expect("SCOPE-005", Severity.Medium, ghost);
                plan.Expect("MBX-004", Severity.Low, resourceId: ghost);
                break;
            case "MBX-001 approved personal mailbox via administrative unit":
                var person = context.Address($"int{n}-person");
                plan.Mailboxes[0] = new PlanMailbox(person, "user", AccountEnabled: true);
                plan.Entry = plan.Entry with { ApprovedSenders = [person] };
                plan.Scopes.Clear();
                var unit = $"Integration {n} Unit";
                plan.Units.Add((unit, [person]));
                plan.Rbac[0] = new PlanRbac("Application Mail.Send", UnitName: unit);
                plan.Messages.Clear();
                CleanIntegration.AddDailyMail(context, plan, person);
                plan.Audit[0] = plan.Audit[0] with { MailboxAddress = person };
                plan.Expect("MBX-001", Severity.High);
                break;
            case "MBX-002 shared mailbox sign-in enabled":
                plan.Mailboxes[0] = plan.Mailboxes[0] with { AccountEnabled = true };
                plan.Expect("MBX-002", Severity.Medium, resourceId: approved);
                break;
            case "MBX-003 auditing off":
                plan.Mailboxes[0] = plan.Mailboxes[0] with { AuditEnabled = false };
                plan.Expect("MBX-003", Severity.Medium, resourceId: approved);
                break;
            case "MBX-004 approved mailbox unused":
                plan.Messages.Clear();
                plan.Expect("MBX-004", Severity.Low, resourceId: approved);
                break;
            case "SIGN-001 15 failed sign-ins":
                for (var i = 0; i < 15; i++)
                {
                    plan.SignIns.Add(new PlanSignIn(context.Recent(i, 15), 7000215, "clientSecret", null, CleanIntegration.IpAddress(plan.Number)));
                }

                plan.Expect("SIGN-001", Severity.Medium);
                break;
            case "SIGN-002 last sign-in 100 days ago":
                plan.SignIns.Clear();
                for (var day = 100; day <= 110; day++)
                {
                    plan.SignIns.Add(new PlanSignIn(context.DaysBack(day, 360), 0, "clientAssertion", plan.Credentials[0].KeyId, CleanIntegration.IpAddress(plan.Number)));
                }

                plan.Expect("SIGN-002", Severity.Low);
                break;
            case "SIGN-003 sign-in from outside the allowed range":
                plan.Entry = plan.Entry with { AllowedIpRanges = [CleanIntegration.AllowedRange] };
                for (var i = 0; i < plan.SignIns.Count; i++)
                {
                    plan.SignIns[i] = plan.SignIns[i] with { IpAddress = $"203.0.113.{1 + plan.Number % 250}" };
                }

                plan.SignIns.Add(new PlanSignIn(context.Recent(0, 1), 0, "clientAssertion", plan.Credentials[0].KeyId, $"192.0.2.{1 + plan.Number % 250}"));
                plan.Expect("SIGN-003", Severity.High);
                break;
            case "SEND-001 sent from a mailbox not approved":
                plan.Audit.Add(new PlanAudit(context.Recent(0, 2), context.BackgroundShared(plan.Number + 2), "SendAs"));
                plan.Expect("SEND-001", Severity.Critical);
                break;
            case "SEND-002 4 failed deliveries today":
                // 4 ≤ 3 × median 2, so no spike; 4 of at most 66 in a month is over 5 %.
                for (var i = 0; i < 4; i++)
                {
                    plan.Messages.Add(new PlanMessage(context.Recent(i, 4), approved, "failed"));
                }

                plan.Expect("SEND-002", Severity.Medium, resourceId: approved);
                break;
            case "SEND-003 volume spike today":
                for (var i = 0; i < 20; i++)
                {
                    plan.Messages.Add(new PlanMessage(context.Recent(i, 20), approved, "delivered"));
                }

                plan.Expect("SEND-003", Severity.Medium, resourceId: approved);
                break;
            case "GOV-001 register entry without owner and ticket":
                plan.Entry = plan.Entry with { Owner = null, Ticket = null };
                plan.Expect("GOV-001", Severity.Low);
                break;
            case "GOV-002 one app id, two vendors":
                plan.RegisterEntries.Add(plan.Entry with { Name = plan.Entry.Name + " (reseller)", Vendor = "Reseller of " + plan.Entry.Vendor, Ticket = $"CHG-{20000 + plan.Number}" });
                plan.Expect("GOV-002", Severity.Medium);
                break;
            default:
                throw new InvalidOperationException($"Unknown defect '{plan.Defect}'.");
        }
    }

    /// <summary>The management scope's Guid as Get-ManagementScope reports it (SCOPE-005 qualifier).</summary>
    public static string ScopeId(GenerationContext context, string name) => Fixture.FixtureBuilder.DeterministicGuid("scope", name.ToLowerInvariant());

    public static string GroupId(string mail) => Fixture.FixtureBuilder.DeterministicGuid("group", mail.ToLowerInvariant());

    /// <summary>An app that can send as every mailbox reaches mailboxes nobody approved and personal ones.</summary>
    private static void ExpectUnrestricted(IntegrationPlan plan)
    {
        plan.Expect("SCOPE-003", Severity.High);
        plan.Expect("MBX-001", Severity.High);
    }

    private static void Secret(GenerationContext context, IntegrationPlan plan, DateTimeOffset start, DateTimeOffset end, out string keyId)
    {
        keyId = context.Id("secret", plan.Number);
        plan.Credentials.Add(new PlanCredential(keyId, false, "vendor-secret", start, end));
    }
}
