using System.Globalization;
using System.Text.Json;
using Compliance.Storage;

namespace Compliance.Worker.Tests;

/// <summary>
/// The demo fixture's "previousReview": a fresh database gets the tenant's earlier review, published and attested on
/// the fixture's date, before the first `review --demo` — so PERM-003 compares against it and `verify` checks it.
/// </summary>
public class DemoPreviousReviewTests
{
    private const string Northwind = "11111111-1111-4111-8111-000000000003";
    private const string Tailspin = "11111111-1111-4111-8111-000000000004";
    private const string Proseware = "11111111-1111-4111-8111-000000000007";

    [Fact]
    public async Task Fresh_demo_records_the_attested_previous_review_once_and_compares_permissions_with_it()
    {
        using var workspace = new TestWorkspace();
        var first = await workspace.RunAsync("review", "--demo");
        Assert.True(first.ExitCode == 0, first.Error);

        var database = await SqliteDatabase.OpenAsync(workspace.Settings["Storage"]!["DatabasePath"]!.GetValue<string>(), CancellationToken.None);
        var chain = await new AttestationRepository(database).ChainAsync("demo", CancellationToken.None);
        var attestation = Assert.Single(chain);
        Assert.Equal("it-compliance@contoso-demo.example", attestation.Reviewer);
        var attestedAt = DateTimeOffset.Parse(attestation.AttestedAt, CultureInfo.InvariantCulture);
        Assert.InRange((DateTimeOffset.UtcNow - attestedAt).TotalDays, 37.9, 38.1);

        // The attested run is a real published run of an earlier month, with its report on disk.
        var previousPeriod = attestedAt.AddDays(-1).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        using (var previous = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workspace.ReportsRoot, "demo", previousPeriod, "manifest.json"))))
        {
            Assert.Equal(attestation.RunId, previous.RootElement.GetProperty("runId").GetString());
        }

        using (var findings = await WaiverCommandTests.ReadFindings(workspace))
        {
            var perm003 = findings.RootElement.GetProperty("findings").EnumerateArray()
                .Where(f => f.GetProperty("ruleId").GetString() == "PERM-003")
                .ToDictionary(f => f.GetProperty("resourceId").GetString()!, f => f.GetProperty("detail").GetString()!);
            Assert.Equal([Northwind, Tailspin, Proseware], perm003.Keys.Order());
            Assert.Contains("added Mail.ReadWrite (Microsoft Graph)", perm003[Northwind], StringComparison.Ordinal);
            Assert.Contains("removed Mail.Read (Microsoft Graph)", perm003[Tailspin], StringComparison.Ordinal);
            Assert.Contains("added RBAC 'Application Mail.Send' (Organization)", perm003[Proseware], StringComparison.Ordinal);
            Assert.All(perm003.Values, d => Assert.Contains($"attested on {attestedAt:yyyy-MM-dd}", d, StringComparison.Ordinal));
        }

        var verify = await workspace.RunAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains($"attestation #1 of run {attestation.RunId} by it-compliance@contoso-demo.example", verify.Out, StringComparison.Ordinal);

        // A database with history keeps it: the second review records nothing more.
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        Assert.Single(await new AttestationRepository(database).ChainAsync("demo", CancellationToken.None));
        Assert.Single(Directory.GetDirectories(Path.Combine(workspace.ReportsRoot, "demo")), d => Path.GetFileName(d) == previousPeriod);
    }
}
