using Compliance.Reports.Pdf;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace Compliance.Reports;

/// <summary>
/// `attest` fills in the attestation page of the run's published PDF: the page the "Attestation" bookmark points to is
/// redrawn (reviewer, date, statement, the run's chain hash) and every other page keeps its content, so the document the
/// reviewer signs is the one that was verified. The output is deterministic for the same inputs (PdfDeterminism).
/// </summary>
public static class AttestedPdfWriter
{
    public static byte[] Fill(byte[] publishedPdf, AttestedRun run, AttestationPage page)
    {
        ArgumentNullException.ThrowIfNull(publishedPdf);
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(page);
        FontSetup.EnsureRegistered();

        using var input = new MemoryStream(publishedPdf, writable: false);
        using var pdf = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var index = AttestationPageIndex(pdf);
        var theme = new PdfTheme();
        using (var cursor = new LayoutCursor(pdf, theme))
        {
            cursor.ReplacePage(pdf.Pages[index]);
            AttestationSection.RenderAttested(cursor, run, page);
        }

        PageDecorator.StampPage(pdf, index, run.Tenant, run.Period, run.Id, run.CompletedAt, theme);
        pdf.Info.ModificationDate = page.AttestedAt.UtcDateTime;
        var seed = PdfDeterminism.Seed(run.Tenant, run.Period, run.Id);
        pdf.Internals.FirstDocumentID = seed;
        pdf.Internals.SecondDocumentID = seed;
        using var buffer = new MemoryStream();
        pdf.Save(buffer, false);
        return PdfDeterminism.Normalise(buffer.ToArray(), seed);
    }

    private static int AttestationPageIndex(PdfDocument pdf)
    {
        var outline = pdf.Outlines.FirstOrDefault(o => o.Title == AttestationSection.Title)
            ?? throw new InvalidDataException($"the PDF has no \"{AttestationSection.Title}\" bookmark, so its attestation page cannot be found");
        for (var i = 0; i < pdf.PageCount; i++)
        {
            if (ReferenceEquals(pdf.Pages[i], outline.DestinationPage))
            {
                return i;
            }
        }

        throw new InvalidDataException($"the PDF's \"{AttestationSection.Title}\" bookmark points to no page of the document");
    }
}
