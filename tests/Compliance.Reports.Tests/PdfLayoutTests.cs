using Compliance.Rules.Review;
using UglyToad.PdfPig;

namespace Compliance.Reports.Tests;

/// <summary>What a reader of the new sections sees: the summary's missing-source statement, the trend chart, scope reasons, attestation.</summary>
public class PdfLayoutTests
{
    internal static byte[] Render(ReviewDocument document, EvidenceSeal? seal = null)
    {
        using var stream = new MemoryStream();
        new ReviewPdfWriter().Write(document, seal ?? EvidenceSeal.None, stream);
        var bytes = stream.ToArray();
        // Set COMPLIANCE_PDF_DUMP to a directory to look at the pages (pdftoppm) while working on the layout.
        if (Environment.GetEnvironmentVariable("COMPLIANCE_PDF_DUMP") is { Length: > 0 } dump)
        {
            File.WriteAllBytes(Path.Combine(dump, $"review-{(document.Attestation is null ? "open" : "attested")}.pdf"), bytes);
        }

        return bytes;
    }

    private static string PageWith(PdfDocument pdf, string heading) =>
        pdf.GetPages().First(p => p.Text.Contains(heading, StringComparison.Ordinal)).Text;

    [Fact]
    public void Summary_page_states_the_missing_source_and_shows_the_trend_chart_axis()
    {
        var review = SampleReview.Create();
        using var pdf = PdfDocument.Open(Render(review));
        var summary = pdf.GetPage(2);
        var text = summary.Text;

        Assert.Contains("Executive summary", text, StringComparison.Ordinal);
        Assert.Contains($"Evidence source '{SampleReview.MissingSource}' was not collected", text, StringComparison.Ordinal);
        Assert.Contains("Open findings", text, StringComparison.Ordinal);
        var words = summary.GetWords().Select(w => w.Text).ToList();
        // Every run of the trend is labelled on the x axis; the last one is this run, marked with a star.
        foreach (var point in review.Trend)
        {
            Assert.Contains(point.Period, words);
        }

        Assert.Contains(SampleReview.Period + "*", words);
        Assert.Contains("1 resolved", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Integration_sections_show_scope_reasons_and_say_what_was_not_collected()
    {
        using var pdf = PdfDocument.Open(Render(SampleReview.Create()));
        var all = string.Join("\n", pdf.GetPages().Select(p => p.Text));

        Assert.Contains(SampleReview.RbacMailbox, all, StringComparison.Ordinal);
        Assert.Contains("Exchange RBAC, custom scope", all, StringComparison.Ordinal);
        Assert.Contains("Unrestricted: the app can send as every mailbox in the tenant.", all, StringComparison.Ordinal);
        Assert.Contains("and 5 more", all, StringComparison.Ordinal);
        Assert.Contains("malformed filter", all, StringComparison.Ordinal);
        Assert.Contains("Last use is unknown", all, StringComparison.Ordinal);
        Assert.Contains("Not in the integration register", all, StringComparison.Ordinal);
        // Sign-ins were not collected: the section says so instead of an empty health table.
        Assert.Contains($"Source '{SampleReview.MissingSource}' was not collected", all, StringComparison.Ordinal);
        Assert.Contains("66.7 %", all, StringComparison.Ordinal);
        Assert.Contains(SampleReview.ResolvedResource, all, StringComparison.Ordinal);
    }

    [Fact]
    public void Waivers_are_grouped_by_state()
    {
        using var pdf = PdfDocument.Open(Render(SampleReview.Create()));
        var text = PageWith(pdf, "Expiring within 30 days");

        Assert.Contains("Active (1)", text, StringComparison.Ordinal);
        Assert.Contains("Expired this period (1)", text, StringComparison.Ordinal);
        Assert.Contains("W-2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Attestation_page_is_blank_until_attested_then_filled()
    {
        var open = SampleReview.Create();
        using (var pdf = PdfDocument.Open(Render(open)))
        {
            var last = pdf.GetPage(pdf.NumberOfPages).Text;
            Assert.Contains("Attestation", last, StringComparison.Ordinal);
            Assert.Contains("Not yet attested", last, StringComparison.Ordinal);
        }

        var attested = open with
        {
            Attestation = new AttestationInfo(open.Run.Id, "reviewer@contoso.com", "Reviewed and accepted with two waivers.",
                SampleReview.AsOf.AddDays(2), new string('c', 64)),
        };
        using (var pdf = PdfDocument.Open(Render(attested)))
        {
            var last = pdf.GetPage(pdf.NumberOfPages).Text;
            Assert.Contains("reviewer@contoso.com", last, StringComparison.Ordinal);
            Assert.Contains("Reviewed and accepted with two waivers.", last, StringComparison.Ordinal);
            Assert.Contains("2026-12-03", last, StringComparison.Ordinal);
            Assert.DoesNotContain("Not yet attested", last, StringComparison.Ordinal);
            Assert.Contains("attested by reviewer@contoso.com", pdf.GetPage(1).Text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Cover_and_manifest_carry_the_evidence_digest_and_previous_chain_hash()
    {
        EvidenceFileHash[] files = [new("applications/page-0001.json", new string('a', 64), 10), new("signIns/page-0001.json", new string('b', 64), 20)];
        var seal = new EvidenceSeal(new string('9', 64), files);
        using var pdf = PdfDocument.Open(Render(SampleReview.Create(), seal));

        Assert.Equal(ManifestChain.ComputeEvidenceDigest(files), seal.EvidenceDigest);
        var cover = pdf.GetPage(1).Text;
        Assert.Contains(seal.EvidenceDigest, cover, StringComparison.Ordinal);
        Assert.Contains(new string('9', 64), cover, StringComparison.Ordinal);
        var manifest = PageWith(pdf, "Evidence manifest");
        Assert.Contains("signIns/page-0001.json", manifest, StringComparison.Ordinal);
        Assert.Contains(new string('b', 64), manifest, StringComparison.Ordinal);
    }
}
