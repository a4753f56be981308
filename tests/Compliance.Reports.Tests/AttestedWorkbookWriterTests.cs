using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Compliance.Reports.Tests.WorkbookWriterTests;

namespace Compliance.Reports.Tests;

/// <summary>`attest` fills in the attestation on the workbook's Summary sheet; every other part stays as the reviewer saw it.</summary>
public class AttestedWorkbookWriterTests
{
    private static readonly string ChainHash = new('c', 64);
    private static readonly AttestationPage SignOff = new("ciso@contoso.com", "Reviewed; accepted with the two waivers listed.", SampleReview.AsOf.AddDays(2));

    private static AttestedRun Run(Compliance.Rules.Review.ReviewDocument review) =>
        new(review.Run.Id, review.Run.Tenant, review.Run.Period, review.Run.CompletedAt, ChainHash);

    internal static async Task<byte[]> FillAsync(byte[] workbook, AttestedRun run, AttestationPage page)
    {
        using var input = new MemoryStream(workbook, writable: false);
        using var output = new MemoryStream();
        await AttestedWorkbookWriter.FillAsync(input, output, run, page, CancellationToken.None);
        return output.ToArray();
    }

    /// <summary>Each part of the package by name, uncompressed, in package order.</summary>
    internal static List<(string Name, byte[] Content, DateTimeOffset Time)> Parts(byte[] workbook)
    {
        using var zip = new ZipArchive(new MemoryStream(workbook), ZipArchiveMode.Read);
        return [.. zip.Entries.Select(e =>
        {
            using var content = e.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            return (e.FullName, copy.ToArray(), e.LastWriteTime);
        })];
    }

    private static Dictionary<string, Cell> SummaryValues(SpreadsheetDocument doc) =>
        Rows(doc, "Summary").Skip(1).Select(r => r.Elements<Cell>().ToList()).Where(c => c.Count == 2)
            .DistinctBy(c => CellText(doc, c[0])).ToDictionary(c => CellText(doc, c[0]), c => c[1], StringComparer.Ordinal);

    [Fact]
    public async Task Summary_shows_reviewer_date_statement_and_chain_hash_the_package_validates_and_every_other_part_is_unchanged()
    {
        var review = SampleReview.Create();
        using var rendered = await RenderAsync(review);
        var published = rendered.ToArray();

        var attested = await FillAsync(published, Run(review), SignOff);

        using (var doc = SpreadsheetDocument.Open(new MemoryStream(attested), false))
        {
            Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => $"{e.Path?.XPath}: {e.Description}"));
            var values = SummaryValues(doc);
            Assert.Equal("attested by ciso@contoso.com on 2026-12-03 05:00 UTC+00:00", CellText(doc, values["Attestation"]));
            Assert.Equal("ciso@contoso.com", CellText(doc, values["Attestation reviewer"]));
            Assert.Equal("Reviewed; accepted with the two waivers listed.", CellText(doc, values["Attestation statement"]));
            Assert.Equal(ChainHash, CellText(doc, values["Run chain hash"]));
            var date = values["Attestation date (UTC)"];
            Assert.Equal(SignOff.AttestedAt.UtcDateTime, DateTime.FromOADate(double.Parse(date.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)), TimeSpan.FromSeconds(1));
            Assert.Equal(values["Completed at (UTC)"].StyleIndex!.Value, date.StyleIndex!.Value);

            // Rows stay numbered 1..n with the items below moved down, and the filter still covers every item.
            var rows = Rows(doc, "Summary");
            Assert.Equal(Enumerable.Range(1, rows.Count).Select(i => (uint)i), rows.Select(r => r.RowIndex!.Value));
            Assert.Equal($"A1:B{rows.Count}", Sheet(doc, "Summary").GetFirstChild<AutoFilter>()!.Reference!.Value);
            Assert.Contains(rows, r => RowText(doc, r)[0] == $"Incomplete source: {SampleReview.MissingSource}");
            Assert.DoesNotContain(rows, r => RowText(doc, r).Contains("not yet attested"));
        }

        using var before = SpreadsheetDocument.Open(new MemoryStream(published), false);
        var summaryPart = before.WorkbookPart!.GetPartById(before.WorkbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "Summary").Id!).Uri.OriginalString.TrimStart('/');
        var original = Parts(published);
        var filled = Parts(attested);
        Assert.Equal(original.Select(p => (p.Name, p.Time)), filled.Select(p => (p.Name, p.Time)));
        foreach (var (part, index) in original.Select((p, i) => (p, i)).Where(x => x.p.Name != summaryPart))
        {
            Assert.True(part.Content.AsSpan().SequenceEqual(filled[index].Content), $"{part.Name} changed");
        }

        Assert.NotEqual(original.Single(p => p.Name == summaryPart).Content, filled.Single(p => p.Name == summaryPart).Content);
        Assert.Equal(attested, await FillAsync(published, Run(review), SignOff));
    }

    [Fact]
    public async Task A_second_sign_off_replaces_the_first_and_gives_the_same_workbook_as_signing_the_published_one()
    {
        var review = SampleReview.Create();
        using var rendered = await RenderAsync(review);
        var published = rendered.ToArray();
        var second = SignOff with { Reviewer = "auditor@contoso.com", Statement = "Second review.\r\nLine two\u0001", AttestedAt = SignOff.AttestedAt.AddDays(1) };

        var twice = await FillAsync(await FillAsync(published, Run(review), SignOff), Run(review), second);

        Assert.Equal(await FillAsync(published, Run(review), second), twice);
        using var doc = SpreadsheetDocument.Open(new MemoryStream(twice), false);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
        var values = SummaryValues(doc);
        Assert.Equal("auditor@contoso.com", CellText(doc, values["Attestation reviewer"]));
        // Carriage return kept; a control character XML cannot carry shows as U+FFFD.
        Assert.Equal("Second review.\r\nLine two\uFFFD", CellText(doc, values["Attestation statement"]));
        Assert.DoesNotContain(Rows(doc, "Summary"), r => RowText(doc, r).Contains("ciso@contoso.com"));
        Assert.Single(Rows(doc, "Summary"), r => RowText(doc, r)[0] == "Attestation reviewer");
    }
}
