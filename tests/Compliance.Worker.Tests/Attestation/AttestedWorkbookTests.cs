using System.Globalization;
using System.Text.Json;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Compliance.Worker.Tests.Attestation.VerifyTests;

namespace Compliance.Worker.Tests.Attestation;

/// <summary>
/// `attest` fills in the workbook's Summary sheet as it fills in the PDF's attestation page, through the real CLI after
/// a real `review --demo`: the workbook read back with DocumentFormat.OpenXml shows the sign-off and validates, its other
/// worksheets are unchanged, the attestation chain covers it and verify finds one changed byte.
/// </summary>
public class AttestedWorkbookTests
{
    private const string Reviewer = "ciso@contoso-demo.example";
    private const string Statement = "Reviewed with the CISO; accepted.";

    private static async Task<(TestWorkspace Workspace, string RunId, string Workbook)> ReviewedWorkbookAsync()
    {
        var (workspace, runId, directory) = await ReviewedAsync();
        return (workspace, runId, Directory.GetFiles(directory, "*.xlsx").Single());
    }

    private static Dictionary<string, Cell> Summary(SpreadsheetDocument doc)
    {
        var workbook = doc.WorkbookPart!;
        var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Summary");
        var rows = ((WorksheetPart)workbook.GetPartById(sheet.Id!)).Worksheet.GetFirstChild<SheetData>()!.Elements<Row>();
        return rows.Select(r => r.Elements<Cell>().ToList()).Where(c => c.Count == 2).Select(c => (Item: c[0].InnerText, Value: c[1]))
            .DistinctBy(x => x.Item).ToDictionary(x => x.Item, x => x.Value, StringComparer.Ordinal);
    }

    /// <summary>Every worksheet part's XML by sheet name, as stored in the package.</summary>
    private static Dictionary<string, byte[]> WorksheetParts(string path)
    {
        using var doc = SpreadsheetDocument.Open(path, false);
        var workbook = doc.WorkbookPart!;
        return workbook.Workbook.Sheets!.Elements<Sheet>().ToDictionary(s => s.Name!.Value!, s =>
        {
            using var part = workbook.GetPartById(s.Id!).GetStream();
            using var copy = new MemoryStream();
            part.CopyTo(copy);
            return copy.ToArray();
        });
    }

    private static string Line(string output, string start) =>
        output.Split('\n').Single(l => l.TrimStart().StartsWith(start, StringComparison.Ordinal)).Trim();

    [Fact]
    public async Task Attest_fills_in_the_Summary_sheet_keeps_every_other_sheet_and_verify_finds_one_changed_byte()
    {
        var (workspace, runId, workbook) = await ReviewedWorkbookAsync();
        using var _ = workspace;
        var before = WorksheetParts(workbook);

        var attest = await workspace.RunAsync("attest", "--run", runId, "--reviewer", Reviewer, "--statement", Statement);
        Assert.True(attest.ExitCode == 0, attest.Out + attest.Error);
        var attestedAt = DateTimeOffset.Parse(attest.Out.Split(" at ", 2)[1].Split('\n')[0].Trim(), CultureInfo.InvariantCulture);
        Assert.Contains($"attested        {Path.GetFileName(workbook)} sha256", attest.Out, StringComparison.Ordinal);

        using (var doc = SpreadsheetDocument.Open(workbook, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var summary = Summary(doc);
            Assert.Equal($"attested by {Reviewer} on {attestedAt:yyyy-MM-dd HH:mm} UTC+00:00", summary["Attestation"].InnerText);
            Assert.Equal(Reviewer, summary["Attestation reviewer"].InnerText);
            Assert.Equal(Statement, summary["Attestation statement"].InnerText);
            Assert.Equal(attestedAt.UtcDateTime, DateTime.FromOADate(double.Parse(summary["Attestation date (UTC)"].CellValue!.Text, CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1));
            using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(Path.GetDirectoryName(workbook)!, "manifest.json")));
            Assert.Equal(manifest.RootElement.GetProperty("chainHash").GetString(), summary["Run chain hash"].InnerText);
        }

        var after = WorksheetParts(workbook);
        Assert.Equal(before.Keys, after.Keys);
        Assert.All(before.Where(p => p.Key != "Summary"), p => Assert.True(p.Value.AsSpan().SequenceEqual(after[p.Key]), $"sheet {p.Key} changed"));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(workbook)!, "*.tmp"));

        await AssertVerifiesUntilOneByteChangesAsync(workspace, workbook, "attested sha256");
    }

    [Fact]
    public async Task A_second_attest_replaces_the_sign_off_in_the_workbook_and_its_chain_covers_the_new_bytes()
    {
        var (workspace, runId, workbook) = await ReviewedWorkbookAsync();
        using var _ = workspace;
        Assert.Equal(0, (await workspace.RunAsync("attest", "--run", runId, "--reviewer", Reviewer)).ExitCode);
        var once = await File.ReadAllBytesAsync(workbook);

        var second = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "auditor@contoso-demo.example", "--statement", "Second look.");
        Assert.True(second.ExitCode == 0, second.Out + second.Error);

        Assert.NotEqual(once, await File.ReadAllBytesAsync(workbook));
        using (var doc = SpreadsheetDocument.Open(workbook, false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc));
            var summary = Summary(doc);
            Assert.Equal("auditor@contoso-demo.example", summary["Attestation reviewer"].InnerText);
            Assert.Equal("Second look.", summary["Attestation statement"].InnerText);
        }

        var twice = await File.ReadAllBytesAsync(workbook);

        // A crash during the second attest leaves the first sign-off's copy: verify fills it in again from the second.
        await File.WriteAllBytesAsync(workbook, once);
        var finished = await workspace.RunAsync("verify");
        Assert.True(finished.ExitCode == 0, finished.Out);
        Assert.Contains("attestation #3 was recorded but", finished.Out, StringComparison.Ordinal);
        Assert.Equal(twice, await File.ReadAllBytesAsync(workbook));

        await AssertVerifiesUntilOneByteChangesAsync(workspace, workbook, "attested sha256 (attestation #3)");
    }

    [Fact]
    public async Task A_run_whose_workbook_is_missing_is_refused_with_exit_4_and_nothing_is_recorded()
    {
        var (workspace, runId, workbook) = await ReviewedWorkbookAsync();
        using var _ = workspace;
        var pdf = Path.ChangeExtension(workbook, ".pdf");
        var publishedPdf = await File.ReadAllBytesAsync(pdf);
        File.Delete(workbook);

        var attest = await workspace.RunAsync("attest", "--run", runId, "--reviewer", Reviewer);

        Assert.Equal(4, attest.ExitCode);
        Assert.Contains($"attest refused: run {runId} does not verify", attest.Error, StringComparison.Ordinal);
        Assert.Contains($"report file {workbook} is missing", attest.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(workbook));
        Assert.Equal(publishedPdf, await File.ReadAllBytesAsync(pdf));
        using var connection = Open(workspace);
        Assert.Equal(0L, Dapper.SqlMapper.ExecuteScalar<long>(connection, "SELECT COUNT(*) FROM attestations WHERE run_id = @runId", new { runId }));
    }

    [Fact]
    public async Task A_sign_off_recorded_but_not_renamed_into_place_is_finished_by_the_next_verify()
    {
        var (workspace, runId, workbook) = await ReviewedWorkbookAsync();
        using var _ = workspace;
        var pdf = Path.ChangeExtension(workbook, ".pdf");
        var published = (Pdf: await File.ReadAllBytesAsync(pdf), Workbook: await File.ReadAllBytesAsync(workbook));
        Assert.Equal(0, (await workspace.RunAsync("attest", "--run", runId, "--reviewer", Reviewer, "--statement", Statement)).ExitCode);
        var attested = (Pdf: await File.ReadAllBytesAsync(pdf), Workbook: await File.ReadAllBytesAsync(workbook));

        // The state a crash after the commit leaves: the sign-off recorded, the published files still in place and the
        // staged copy left under its temporary name.
        await File.WriteAllBytesAsync(pdf, published.Pdf);
        await File.WriteAllBytesAsync(workbook, published.Workbook);
        var leftover = Path.Combine(Path.GetDirectoryName(workbook)!, $".{Path.GetFileName(workbook)}.crash.tmp");
        await File.WriteAllBytesAsync(leftover, attested.Workbook);

        var verify = await workspace.RunAsync("verify");

        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains($"{workbook} still held its copy from before (attest stopped before renaming); filled in again", verify.Out, StringComparison.Ordinal);
        Assert.Contains($"{pdf} still held its copy from before", verify.Out, StringComparison.Ordinal);
        Assert.Equal(attested.Workbook, await File.ReadAllBytesAsync(workbook));
        Assert.Equal(attested.Pdf, await File.ReadAllBytesAsync(pdf));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(workbook)!, "*.tmp"));
        Assert.DoesNotContain("filled in again", (await workspace.RunAsync("verify")).Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attest_after_a_crash_between_the_two_renames_finishes_that_sign_off_and_records_its_own()
    {
        var (workspace, runId, workbook) = await ReviewedWorkbookAsync();
        using var _ = workspace;
        var published = await File.ReadAllBytesAsync(workbook);
        Assert.Equal(0, (await workspace.RunAsync("attest", "--run", runId, "--reviewer", Reviewer)).ExitCode);
        // The PDF was renamed into place, the workbook not yet.
        await File.WriteAllBytesAsync(workbook, published);

        var again = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "auditor@contoso-demo.example", "--statement", "Second look.");

        Assert.True(again.ExitCode == 0, again.Out + again.Error);
        using (var doc = SpreadsheetDocument.Open(workbook, false))
        {
            Assert.Equal("auditor@contoso-demo.example", Summary(doc)["Attestation reviewer"].InnerText);
        }

        var verify = await workspace.RunAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        Assert.Contains(Line(again.Out, "chain hash").Split(' ')[^1], verify.Out, StringComparison.Ordinal);
    }
}
