using System.Text.Json.Nodes;

namespace Compliance.Tests.Shared;

/// <summary>
/// The demo fixture changed between two runs the four ways a mailbox inventory changes: a property changed (Payroll's
/// department), a mailbox converted to a mail user (Alerts), one deleted (Boardroom), one new (Night). Linked into the
/// simulator's and the collectors' tests, which check the same change from both sides of the wire.
/// </summary>
internal static class MailboxChanges
{
    public const string Payroll = "payroll-notification@contoso-demo.example";
    public const string Alerts = "compliance-alerts@contoso-demo.example";
    public const string Boardroom = "boardroom@contoso-demo.example";
    public const string Night = "night-desk@contoso-demo.example";
    public const string PayrollDepartment = "Payroll (night audit)";

    public static void Apply(JsonObject demo)
    {
        var mailboxes = demo["mailboxes"]!.AsArray();
        Find(mailboxes, Payroll)["department"] = PayrollDepartment;
        var converted = Find(mailboxes, Alerts);
        mailboxes.Remove(converted);
        demo["mailUsers"] = new JsonArray(converted);
        mailboxes.Remove(Find(mailboxes, Boardroom));
        mailboxes.Add(new JsonObject { ["address"] = Night, ["type"] = "shared", ["createdDateTime"] = "now-900d" });
    }

    private static JsonObject Find(JsonArray mailboxes, string address) => mailboxes.OfType<JsonObject>().Single(m => (string?)m["address"] == address);
}
