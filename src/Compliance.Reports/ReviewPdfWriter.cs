using Compliance.Reports.Facts;
using Compliance.Reports.Pdf;
using Compliance.Rules.Review;
using PdfSharp.Pdf;

namespace Compliance.Reports;

/// <summary>
/// Renders the monthly review PDF: cover, executive summary, one section per integration, findings,
/// waivers, data completeness, evidence manifest and the attestation page. Output depends only on the
/// document and the seal: dates come from the run and the PDF file id is derived from the run, so the
/// same input gives the same bytes (the manifest chain hashes the file).
/// </summary>
public sealed class ReviewPdfWriter
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public void Write(ReviewDocument document, Stream output) => Write(document, EvidenceSeal.None, output);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public void Write(ReviewDocument document, EvidenceSeal seal, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(seal);
        ArgumentNullException.ThrowIfNull(output);
        FontSetup.EnsureRegistered();

        var run = document.Run;
        using var pdf = new PdfDocument();
        pdf.Info.Title = $"Compliance review {run.Tenant} {run.Period}";
        pdf.Info.Subject = $"Third-party applications sending mail via Microsoft Graph — run {run.Id}";
        pdf.Info.Author = "Compliance";
        pdf.Info.Creator = "Compliance";
        pdf.Info.CreationDate = run.CompletedAt.UtcDateTime;
        pdf.Info.ModificationDate = run.CompletedAt.UtcDateTime;
        pdf.PageLayout = PdfPageLayout.SinglePage;
        pdf.PageMode = PdfPageMode.UseOutlines;

        var theme = new PdfTheme();
        using (var cursor = new LayoutCursor(pdf, theme))
        {
            var activity = ActivityIndex.For(document);
            CoverSection.Render(cursor, document, seal);
            SummarySection.Render(cursor, document);
            IntegrationSection.Render(cursor, document, IntegrationCatalog.Build(document, activity), activity);
            FindingsSection.Render(cursor, document);
            WaiversSection.Render(cursor, document);
            CompletenessSection.Render(cursor, document);
            ManifestSection.Render(cursor, seal);
            AttestationSection.Render(cursor, document);
        }

        PageDecorator.Stamp(pdf, run, theme);
        var seed = PdfDeterminism.Seed(run.Tenant, run.Period, run.Id);
        pdf.Internals.FirstDocumentID = seed;
        pdf.Internals.SecondDocumentID = seed;

        using var buffer = new MemoryStream();
        pdf.Save(buffer, false);
        var bytes = PdfDeterminism.Normalise(buffer.ToArray(), seed);
        output.Write(bytes);
    }
}
