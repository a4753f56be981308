using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using Compliance.Rules.Review;
using UglyToad.PdfPig;

namespace Compliance.Reports.Tests;

/// <summary>
/// Bad input corpus (issue 8, drill 3): a Graph page may carry a 10 MB string (Graph itself caps displayName at 256
/// characters, but an audit tool must not trust that). The documents must still be written, valid and readable, with the
/// text visibly cut — never a crash, never a silent drop.
/// </summary>
public class OversizedTextTests
{
    private const int TenMegabytes = 10 * 1024 * 1024;

    private static ReviewDocument WithTenMegabyteNames()
    {
        var review = SampleReview.Create();
        var huge = "Vendor " + new string('x', TenMegabytes);
        var snapshot = review.Evidence with
        {
            ServicePrincipals = [.. review.Evidence.ServicePrincipals.Select(sp => sp.ObjectId == "sp-vendor" ? sp with { DisplayName = huge } : sp)],
        };
        var findings = review.Evaluation.Findings.Select((f, i) => i == 0 ? f with { Finding = f.Finding with { ResourceName = huge, Detail = huge } } : f).ToList();
        return review with { Evidence = snapshot, Evaluation = review.Evaluation with { Findings = findings } };
    }

    [Fact]
    public async Task Workbook_with_a_ten_megabyte_name_is_valid_and_marks_the_cut_cell()
    {
        using var stream = await WorkbookWriterTests.RenderAsync(WithTenMegabyteNames());
        using var doc = SpreadsheetDocument.Open(stream, false);

        Assert.Empty(new OpenXmlValidator().Validate(doc).Select(e => e.Description));
        var findingCells = WorkbookWriterTests.Rows(doc, "Findings").SelectMany(r => WorkbookWriterTests.RowText(doc, r)).ToList();
        // Excel's documented cell limit is 32,767 characters ("Excel specifications and limits").
        Assert.All(findingCells, c => Assert.True(c.Length <= 32_767, $"cell of {c.Length} characters"));
        Assert.Contains(findingCells, c => c.EndsWith("characters cut)", StringComparison.Ordinal));
    }

    [Fact]
    public void Pdf_with_a_ten_megabyte_name_is_written_readable_and_marks_the_cut_text()
    {
        using var stream = new MemoryStream();
        new ReviewPdfWriter().Write(WithTenMegabyteNames(), stream);

        using var pdf = PdfDocument.Open(stream.ToArray());
        var text = string.Join('\n', pdf.GetPages().Select(p => p.Text));
        Assert.Contains("characters cut)", text, StringComparison.Ordinal);
        Assert.True(pdf.NumberOfPages < 200, $"{pdf.NumberOfPages} pages");
    }
}
