using System.Globalization;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// The runbook's target model, which passes every control: certificate on the app registration, no Entra grant, RBAC
/// Application Mail.Send scoped to exactly its one shared mailbox (sign-in blocked, audited), a complete register
/// entry, a successful certificate sign-in every day, two delivered messages every day.
/// </summary>
internal static class CleanIntegration
{
    private static readonly string[] Vendors = ["Contoso Payroll", "Fabrikam", "Northwind Traders", "Tailspin Toys", "Adatum", "Litware", "Proseware", "Wingtip Toys", "Woodgrove Bank", "Alpine Ski House"];
    private static readonly string[] Functions = ["Payroll", "Invoicing", "Service desk", "HR onboarding", "Reporting", "Marketing", "Procurement", "Travel", "Facilities", "Security alerts"];

    /// <summary>The allowed range some register entries carry; their sign-ins come from it.</summary>
    public const string AllowedRange = "203.0.113.0/24";

    public static IntegrationPlan Create(GenerationContext context, int number, string defect)
    {
        var n = number.ToString("D4", CultureInfo.InvariantCulture);
        var vendor = Vendors[number % Vendors.Length];
        var function = Functions[(number / Vendors.Length) % Functions.Length];
        var plan = new IntegrationPlan
        {
            Number = number,
            Defect = defect,
            AppId = context.Id("integration-app", number),
            DisplayName = $"{vendor} {function} mailer {n}",
        };
        var approved = ApprovedSender(context, number);
        plan.Mailboxes.Add(new PlanMailbox(approved, "shared", Department: $"Integration {n}"));
        var certificate = new PlanCredential(context.Id("integration-cert", number), IsCertificate: true, "vendor-certificate", context.Anchor.AddDays(-100), context.Anchor.AddDays(300));
        plan.Credentials.Add(certificate);
        plan.Scopes.Add((ScopeName(number), $"PrimarySmtpAddress -eq '{approved}'"));
        plan.Rbac.Add(new PlanRbac("Application Mail.Send", ScopeName(number)));
        var ranges = number % 3 == 0 ? new[] { AllowedRange } : [];
        plan.RegisterEntries.Add(new SimIntegration(
            $"{function} mail {n}", plan.AppId, vendor, function, context.Address($"owner{n}"), $"CHG-{10000 + number}", [approved], "Certificate", ranges));

        var ip = IpAddress(number);
        for (var day = 1; day <= 60; day++)
        {
            plan.SignIns.Add(new PlanSignIn(context.DaysBack(day, 360 + number % 60), 0, "clientAssertion", certificate.KeyId, ip));
        }

        AddDailyMail(context, plan, approved);
        plan.Audit.Add(new PlanAudit(context.Recent(0, 1), approved, "SendAs"));
        return plan;
    }

    public static string ApprovedSender(GenerationContext context, int number) => context.Address($"int{number.ToString("D4", CultureInfo.InvariantCulture)}-notify");

    public static string ScopeName(int number) => $"Integration {number.ToString("D4", CultureInfo.InvariantCulture)} Senders";

    /// <summary>Inside <see cref="AllowedRange"/> for every third integration (the ones whose register sets it).</summary>
    public static string IpAddress(int number) => number % 3 == 0
        ? $"203.0.113.{1 + number % 250}"
        : $"20.{40 + number % 50}.{number % 250}.{1 + number / 250 % 250}";

    /// <summary>Two delivered messages on each of the 95 days before the anchor's date (none today): flat, so no spike and no failure share.</summary>
    public static void AddDailyMail(GenerationContext context, IntegrationPlan plan, string sender)
    {
        for (var day = 1; day <= 95; day++)
        {
            plan.Messages.Add(new PlanMessage(context.DaysBack(day, 540 + plan.Number % 120), sender, "delivered"));
            plan.Messages.Add(new PlanMessage(context.DaysBack(day, 840 + plan.Number % 120), sender, "delivered"));
        }
    }
}
