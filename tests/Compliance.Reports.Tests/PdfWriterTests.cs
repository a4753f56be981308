using UglyToad.PdfPig;

namespace Compliance.Reports.Tests;

public class PdfWriterTests
{
    private static byte[] Render()
    {
        using var stream = new MemoryStream();
        new ReviewPdfWriter().Write(SampleReview.Create(), stream);
        return stream.ToArray();
    }

    /// <summary>The findings table's pages: landscape, with its Remediation column (the waivers pages are landscape too).</summary>
    private static List<UglyToad.PdfPig.Content.Page> FindingPages(PdfDocument pdf) =>
        [.. pdf.GetPages().Where(p => p.Width > p.Height && p.GetWords().Any(w => w.Text == "Remediation"))];

    [Fact]
    public void Reader_sees_tenant_period_findings_and_page_numbers()
    {
        var bytes = Render();
        using var pdf = PdfDocument.Open(bytes);
        var pages = pdf.GetPages().ToList();
        var all = string.Join("\n", pages.Select(p => p.Text));
        var n = pages.Count;

        Assert.True(n >= 5, $"expected several pages, got {n}");
        Assert.Contains(SampleReview.Tenant, all, StringComparison.Ordinal);
        Assert.Contains(SampleReview.Period, all, StringComparison.Ordinal);
        foreach (var finding in SampleReview.Create().Evaluation.Findings)
        {
            Assert.Contains(finding.Finding.RuleId, all, StringComparison.Ordinal);
            Assert.Contains(finding.Finding.ResourceName, all, StringComparison.Ordinal);
        }

        Assert.Contains($"Page 1 of {n}", pages[0].Text, StringComparison.Ordinal);
        Assert.Contains($"Page {n} of {n}", pages[^1].Text, StringComparison.Ordinal);
        for (var i = 0; i < n; i++)
        {
            Assert.Contains($"Page {i + 1} of {n}", pages[i].Text, StringComparison.Ordinal);
        }

        Assert.All(pages, p => Assert.Contains($"{SampleReview.Tenant} — {SampleReview.Period}", p.Text, StringComparison.Ordinal));
    }

    [Fact]
    public void Cover_reports_overall_result_and_missing_evidence()
    {
        using var pdf = PdfDocument.Open(Render());
        var cover = pdf.GetPage(1).Text;

        Assert.Contains("Compliance review", cover, StringComparison.Ordinal);
        Assert.Contains("run-2026-11-0001", cover, StringComparison.Ordinal);
        Assert.Contains("1 control failed, 1 not evaluated", cover, StringComparison.Ordinal);
        Assert.Contains("Incomplete evidence", cover, StringComparison.Ordinal);
        Assert.Contains(SampleReview.MissingSource, cover, StringComparison.Ordinal);
        Assert.Contains("AuditLog.Read.All", cover, StringComparison.Ordinal);
        Assert.Contains("partial", cover, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_table_repeats_header_on_every_page_and_wraps_long_text()
    {
        using var pdf = PdfDocument.Open(Render());
        var findingPages = FindingPages(pdf).ToList();

        Assert.True(findingPages.Count >= 3, $"findings should span several pages, got {findingPages.Count}");
        Assert.All(findingPages, p =>
        {
            foreach (var header in new[] { "Severity", "Control", "Resource", "Integration", "Detail", "Status", "Remediation" })
            {
                Assert.Contains(header, p.Text, StringComparison.Ordinal);
            }
        });

        // The long detail is one cell: its words must sit on several lines, all inside the page margins.
        var first = findingPages[0];
        var words = first.GetWords().Where(w => w.Text == "change").ToList();
        Assert.Equal(4, words.Count);
        Assert.True(words.Select(w => Math.Round(w.BoundingBox.Bottom)).Distinct().Count() >= 3, "long detail did not wrap");
        Assert.All(first.GetWords(), w => Assert.True(w.BoundingBox.Right <= first.Width - 39, $"'{w.Text}' overflows the page"));
        Assert.Contains(SampleReview.LongDetailMarker, first.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_finding_row_is_split_across_pages()
    {
        using var pdf = PdfDocument.Open(Render());
        var total = 0;
        foreach (var page in FindingPages(pdf))
        {
            var words = page.GetWords().Select(w => w.Text).ToList();
            var ruleIds = words.Count(w => w.StartsWith("BULK-", StringComparison.Ordinal));
            // First and last words of every bulk detail: a split row would leave one without the other.
            Assert.Equal(ruleIds, words.Count(w => w == "Synthetic"));
            Assert.Equal(ruleIds, words.Count(w => w == "line."));
            total += ruleIds;
        }

        Assert.Equal(SampleReview.BulkFindings, total);
    }

    [Fact]
    public void Completeness_section_lists_sources_and_not_evaluated_controls()
    {
        using var pdf = PdfDocument.Open(Render());
        var text = string.Join("\n", pdf.GetPages().Skip(1).Select(p => p.Text));

        Assert.Contains("Data completeness", text, StringComparison.Ordinal);
        Assert.Contains("notCollected", text, StringComparison.Ordinal);
        Assert.Contains("SIGNIN-001", text, StringComparison.Ordinal);
        Assert.Contains("was not collected", text, StringComparison.Ordinal);
        Assert.Contains(SampleReview.MissingSource, text, StringComparison.Ordinal);
        Assert.Contains("AuditLog.Read.All", text, StringComparison.Ordinal);
        Assert.Contains("Retries", text, StringComparison.Ordinal);
        Assert.Contains("429s", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Bookmarks_and_document_info_are_set()
    {
        using var pdf = PdfDocument.Open(Render());

        Assert.True(pdf.TryGetBookmarks(out var bookmarks));
        var titles = bookmarks.Roots.Select(b => b.Title).ToList();
        Assert.Equal(["Cover", "Executive summary", "Integrations", "Findings", "Waivers", "Data completeness", "Evidence manifest", "Attestation"], titles);
        var integrations = bookmarks.Roots.Single(b => b.Title == "Integrations").Children.Select(c => c.Title).ToList();
        Assert.Equal(["Billing", "CRM", "Vendor Newsletter (not in register)"], integrations);
        Assert.Equal("Compliance", pdf.Information.Author);
        Assert.Contains(SampleReview.Tenant, pdf.Information.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Same_document_gives_identical_bytes()
    {
        Assert.Equal(Render(), Render());
    }
}
