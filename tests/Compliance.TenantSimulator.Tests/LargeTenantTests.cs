using Compliance.TenantSimulator.Generation;

namespace Compliance.TenantSimulator.Tests;

public class LargeTenantTests
{
    private static readonly DateTimeOffset Anchor = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Large_tenant_has_the_issue_counts_and_streams_its_activity_without_holding_it()
    {
        var fixture = TenantFixture.Generate(TenantScale.Large, 1, Anchor);
        Assert.Equal(100_000, fixture.ServicePrincipals.Count);
        Assert.InRange(fixture.Directory.Mailboxes.Count, 50_000, 51_000);
        Assert.InRange(fixture.Register.Count, 200, 400);

        var before = GC.GetTotalMemory(forceFullCollection: true);
        var signIns = 0;
        var newest = DateTimeOffset.MaxValue;
        foreach (var signIn in fixture.Activity.SignIns)
        {
            Assert.True(signIn.CreatedDateTime <= newest, "sign-ins must come newest first");
            newest = signIn.CreatedDateTime;
            signIns++;
        }

        var messages = fixture.Activity.Messages.Count();
        var after = GC.GetTotalMemory(forceFullCollection: true);

        Assert.InRange(signIns, 1_000_000, 1_100_000);
        Assert.InRange(messages, 500_000, 600_000);
        // A million SimSignIn records held at once would be hundreds of MB; streamed, nothing stays behind.
        Assert.True(after - before < 16 * 1024 * 1024, $"enumerating the activity retained {(after - before) / 1024 / 1024} MB");
    }
}
