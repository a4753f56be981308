using System.Text.Json;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Generation;

namespace Compliance.Worker.Tests;

/// <summary>
/// Issue 5: the generated tenant's planted defects — recorded by the generator as it plants them, not by running our
/// rules — are reproduced exactly by `review --demo --scale small`: no finding missing, none extra.
/// </summary>
public class GeneratedTenantReviewTests
{
    private sealed record Key(string RuleId, string Resource, string? Qualifier, string Severity);

    private static Key KeyOf(JsonElement e, string resourceProperty) => new(
        e.GetProperty("ruleId").GetString()!,
        e.GetProperty(resourceProperty).GetString()!.ToUpperInvariant(),
        e.TryGetProperty("qualifier", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString()!.ToUpperInvariant() : null,
        e.GetProperty("severity").GetString()!);

    [Fact]
    public async Task Review_of_the_small_generated_tenant_reproduces_its_planted_findings_exactly()
    {
        using var workspace = new TestWorkspace();
        var (exit, output, error) = await workspace.RunAsync("review", "--demo", "--scale", "small", "--seed", "3");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");

        using var expectedJson = JsonDocument.Parse(TenantFixture.Generate(TenantScale.Small, 3, DateTimeOffset.UtcNow).ExpectedFindingsJson);
        var expected = expectedJson.RootElement.EnumerateArray().Select(e => KeyOf(e, "resourceId")).ToHashSet();
        // The generator expects the first review to be overdue (never attested), under the review's tenant name.
        Assert.Contains(new Key("GOV-003", "GENERATED-SMALL-3", null, "medium"), expected);

        var period = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        using var findings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(workspace.ReportsRoot, "generated-small-3", period, "findings.json")));
        var actual = findings.RootElement.GetProperty("findings").EnumerateArray().Select(e => KeyOf(e, "resourceId")).ToHashSet();

        Assert.Empty(expected.Except(actual));   // recall 1.0
        Assert.Empty(actual.Except(expected));   // precision 1.0
    }
}
