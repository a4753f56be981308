using UglyToad.PdfPig;

namespace Compliance.Reports.Tests;

/// <summary>`attest` fills in the attestation page of a published PDF; every other page stays as the reviewer saw it.</summary>
public class AttestedPdfWriterTests
{
    private static readonly AttestationPage SignOff = new("ciso@contoso.com", "Reviewed; accepted with the two waivers listed.", SampleReview.AsOf.AddDays(2));

    [Fact]
    public void The_attestation_page_gets_reviewer_date_and_statement_and_the_other_pages_keep_their_text()
    {
        var review = SampleReview.Create();
        var published = PdfLayoutTests.Render(review);
        var run = new AttestedRun(review.Run.Id, review.Run.Tenant, review.Run.Period, review.Run.CompletedAt, new string('a', 64));

        var attested = AttestedPdfWriter.Fill(published, run, SignOff);

        using var before = PdfDocument.Open(published);
        using var after = PdfDocument.Open(attested);
        Assert.Equal(before.NumberOfPages, after.NumberOfPages);
        var page = after.GetPage(after.NumberOfPages).Text;
        Assert.Contains("Attestation", page, StringComparison.Ordinal);
        Assert.Contains("ciso@contoso.com", page, StringComparison.Ordinal);
        Assert.Contains("Reviewed; accepted with the two waivers listed.", page, StringComparison.Ordinal);
        Assert.Contains("2026-12-03", page, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), page, StringComparison.Ordinal);
        Assert.Contains($"Page {after.NumberOfPages} of {after.NumberOfPages}", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet attested", page, StringComparison.Ordinal);
        for (var i = 1; i < after.NumberOfPages; i++)
        {
            Assert.Equal(before.GetPage(i).Text, after.GetPage(i).Text);
        }

        Assert.True(after.TryGetBookmarks(out var bookmarks));
        Assert.Contains(bookmarks.GetNodes(), b => b.Title == "Attestation");
        Assert.Equal(attested, AttestedPdfWriter.Fill(published, run, SignOff));
    }

    [Fact]
    public void A_second_sign_off_replaces_the_first_on_the_same_page()
    {
        var review = SampleReview.Create();
        var run = new AttestedRun(review.Run.Id, review.Run.Tenant, review.Run.Period, review.Run.CompletedAt, new string('a', 64));
        var once = AttestedPdfWriter.Fill(PdfLayoutTests.Render(review), run, SignOff);

        var twice = AttestedPdfWriter.Fill(once, run, SignOff with { Reviewer = "auditor@contoso.com", Statement = "Second review." });

        using var pdf = PdfDocument.Open(twice);
        var page = pdf.GetPage(pdf.NumberOfPages).Text;
        Assert.Contains("auditor@contoso.com", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ciso@contoso.com", page, StringComparison.Ordinal);
    }
}
