using System.Text.Json;
using Compliance.TenantSimulator;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using UglyToad.PdfPig;

namespace Compliance.Worker.Tests;

/// <summary>
/// `review --demo` end to end, in-process through the real CLI: simulator over https, real Graph SDK,
/// SQLite, rules, PDF and workbook — then the documents are read back as a user would read them.
/// </summary>
public class DemoReviewEndToEndTests
{
    private sealed record Expected(string RuleId, string AppId, string? Qualifier, string Severity);

    private static List<Expected> ExpectedFindings()
    {
        var fixture = TenantFixture.LoadDemo(DateTimeOffset.UtcNow);
        using var json = JsonDocument.Parse(fixture.ExpectedFindingsJson);
        return json.RootElement.EnumerateArray()
            .Select(e => new Expected(
                e.GetProperty("ruleId").GetString()!,
                e.GetProperty("appId").GetString()!,
                e.TryGetProperty("qualifier", out var q) && q.ValueKind == JsonValueKind.String ? q.GetString() : null,
                e.GetProperty("severity").GetString()!))
            .OrderBy(e => e.RuleId).ThenBy(e => e.AppId).ThenBy(e => e.Qualifier)
            .ToList();
    }

    [Fact]
    public async Task Demo_review_publishes_exactly_the_planted_findings_in_all_documents()
    {
        using var workspace = new TestWorkspace { Clock = PlantedMonthClock.Create() };
        var (exit, output, error) = await workspace.RunAsync("review", "--demo");
        Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");

        var period = workspace.Clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var directory = Path.Combine(workspace.ReportsRoot, "demo", period);
        var pdf = Path.Combine(directory, $"compliance-review-demo-{period}.pdf");
        var xlsx = Path.Combine(directory, $"compliance-review-demo-{period}.xlsx");
        Assert.True(File.Exists(Path.Combine(directory, "manifest.json")));

        // findings.json: precision and recall 1.0 against the fixture's ground truth.
        using var findings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "findings.json")));
        var actual = findings.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => new Expected(
                f.GetProperty("ruleId").GetString()!,
                f.GetProperty("resourceId").GetString()!,
                f.GetProperty("qualifier").ValueKind == JsonValueKind.String ? f.GetProperty("qualifier").GetString() : null,
                f.GetProperty("severity").GetString()!))
            .OrderBy(e => e.RuleId).ThenBy(e => e.AppId).ThenBy(e => e.Qualifier)
            .ToList();
        var expected = ExpectedFindings();
        Assert.Equal(expected, actual);
        Assert.All(findings.RootElement.GetProperty("sources").EnumerateArray(), s => Assert.Equal("collected", s.GetProperty("status").GetString()));

        // The PDF names every finding's control and resource.
        var resourceNames = findings.RootElement.GetProperty("findings").EnumerateArray()
            .Select(f => (Rule: f.GetProperty("ruleId").GetString()!, Name: f.GetProperty("resourceName").GetString()!)).ToList();
        using (var document = PdfDocument.Open(pdf))
        {
            var text = string.Join("\n", document.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
            foreach (var (rule, name) in resourceNames)
            {
                Assert.Contains(rule, text, StringComparison.Ordinal);
                Assert.Contains(name.Split(' ')[0], text, StringComparison.Ordinal);
            }
        }

        // The workbook's Findings sheet has one row per finding, with the rule and the app, and one per finding the
        // previous (attested) review had that this one resolved.
        var rows = WorkbookRows(xlsx, "Findings");
        Assert.Equal(expected.Count + findings.RootElement.GetProperty("resolved").GetArrayLength(), rows.Count - 1);
        foreach (var (rule, name) in resourceNames)
        {
            Assert.Contains(rows, r => r.Contains(rule) && r.Contains(name));
        }

        Assert.Contains("SCOPE-002", output, StringComparison.Ordinal);

        // The planted GOV-004: the demo workspace's rows begin on the 3rd of the month, measured, not assumed. SIGN-002
        // for Northwind still comes, from Entra's sign-in activity report, whose source is accounted like the others.
        var all = findings.RootElement.GetProperty("findings").EnumerateArray().ToList();
        var gov004 = Assert.Single(all, f => f.GetProperty("ruleId").GetString() == "GOV-004").GetProperty("detail").GetString();
        Assert.Contains($"cover only since {period}-03", gov004, StringComparison.Ordinal);
        Assert.Contains($"earliest AADServicePrincipalSignInLogs row in the review window is from {period}-03", gov004, StringComparison.Ordinal);
        var northwind = Assert.Single(all, f => f.GetProperty("ruleId").GetString() == "SIGN-002" && f.GetProperty("resourceId").GetString() == "11111111-1111-4111-8111-000000000003");
        Assert.Contains(northwind.GetProperty("evidence").EnumerateArray(), e => e.GetString()!.StartsWith("Entra sign-in activity: last app-only sign-in ", StringComparison.Ordinal));
        Assert.Single(findings.RootElement.GetProperty("sources").EnumerateArray(), s => s.GetProperty("name").GetString() == "signInActivity");
        Assert.Contains(WorkbookRows(xlsx, "Completeness"), r => r.Count > 1 && r[0] == "signInActivity" && r[1] == "collected");

        // The gap is stated where a reviewer looks first: the summary page and sheet, and next to the source.
        using (var document = PdfDocument.Open(pdf))
        {
            var summary = string.Join(" ", document.GetPage(2).GetWords().Select(w => w.Text));
            Assert.Contains($"Evidence source 'signIns' covers only since {period}-03", summary, StringComparison.Ordinal);
        }

        Assert.Contains(WorkbookRows(xlsx, "Summary"), r => r.Count > 1 && r[0] == "Short coverage: signIns" && r[1].StartsWith($"covers only since {period}-03", StringComparison.Ordinal));
        Assert.Contains(WorkbookRows(xlsx, "Completeness"), r => r.Count > 8 && r[0] == "signIns" && r[8].StartsWith($"covers only since {period}-03", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Second_run_sees_the_same_findings_as_persisting_and_chains_to_the_first()
    {
        using var workspace = new TestWorkspace { Clock = PlantedMonthClock.Create() };
        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        var period = workspace.Clock.GetUtcNow().ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var directory = Path.Combine(workspace.ReportsRoot, "demo", period);
        using var firstManifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "manifest.json")));
        var firstChain = firstManifest.RootElement.GetProperty("chainHash").GetString();

        Assert.Equal(0, (await workspace.RunAsync("review", "--demo")).ExitCode);
        using var findings = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "findings.json")));
        Assert.All(findings.RootElement.GetProperty("findings").EnumerateArray(), f => Assert.Equal("persisting", f.GetProperty("status").GetString()));
        using var secondManifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(directory, "manifest.json")));
        Assert.Equal(firstChain, secondManifest.RootElement.GetProperty("previousChainHash").GetString());
        Assert.NotEqual(firstChain, secondManifest.RootElement.GetProperty("chainHash").GetString());
    }

    private static List<List<string>> WorkbookRows(string path, string sheetName)
    {
        using var document = SpreadsheetDocument.Open(path, false);
        var workbook = document.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        return part.Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => CellText(c, shared)).ToList())
            .ToList();
    }

    private static string CellText(Cell cell, List<string> shared) =>
        cell.DataType?.Value == CellValues.SharedString ? shared[int.Parse(cell.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)]
        : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText ?? string.Empty
        : cell.CellValue?.Text ?? string.Empty;
}
