using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Evidence;

/// <summary>Activity records as the rules and reports read them: oldest first, whole or one owner's.</summary>
public class ActivityRecordsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 29, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Records_read_back_oldest_first_and_records_of_one_moment_keep_their_order()
    {
        ActivityRecords<MailboxAuditRecord> audit = [Audit("late", 3, "app"), Audit("first", 1, "app"), Audit("second", 1, "other"), Audit("middle", 2, null)];

        Assert.Equal(["first", "second", "middle", "late"], audit.Select(a => a.Id));
        Assert.Equal(4, audit.Count);
    }

    [Fact]
    public void One_owners_records_are_found_whatever_the_case_of_its_ascii_letters()
    {
        ActivityRecords<MessageTraceRecord> trace =
        [
            Trace("m2", 2, "Payroll@Contoso.com"), Trace("m1", 1, "payroll@contoso.com"), Trace("m3", 3, "finance@contoso.com"),
        ];

        Assert.Equal(["m1", "m2"], trace.OwnedBy("PAYROLL@contoso.COM").Select(m => m.Id));
        Assert.Empty(trace.OwnedBy("hr@contoso.com"));
    }

    [Fact]
    public void Records_without_an_owner_are_read_whole_but_belong_to_no_owner()
    {
        ActivityRecords<MailboxAuditRecord> audit = [Audit("a1", 1, null), Audit("a2", 2, "app")];

        Assert.Equal(["a1", "a2"], audit.Select(a => a.Id));
        Assert.Equal(["a2"], audit.OwnedBy("APP").Select(a => a.Id));
        Assert.Empty(audit.OwnedBy(""));
    }

    [Theory]
    [InlineData("Payroll@Contoso.COM", "payroll@contoso.com")]
    [InlineData("0B7C5E2A-8D1F-4F6E-9A3B-2C4D5E6F7A8B", "0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b")]
    // Like SQLite's lower(), which keys the rows stored before the owner column existed: only ASCII letters change.
    [InlineData("Ärzte@Contoso.com", "Ärzte@contoso.com")]
    public void An_owner_key_lower_cases_ascii_letters_only(string owner, string key) =>
        Assert.Equal(key, ActivityOwner.Key(owner));

    private static MailboxAuditRecord Audit(string id, int hour, string? app) =>
        new(id, At.AddHours(hour), "SendAs", "payroll@contoso.com", app, null);

    private static MessageTraceRecord Trace(string id, int hour, string sender) =>
        new(id, At.AddHours(hour), sender, "someone@example.com", "delivered", null, 1000);
}
