namespace Compliance.Reports.Pdf;

/// <summary>
/// The evidence files behind the verdict with their SHA-256, so an auditor can check the stored raw pages
/// against this document. A large tenant has thousands of pages: the list is cut after
/// <see cref="MaxFiles"/> and the complete list stays in manifest.json, which the digest on the cover covers.
/// </summary>
internal static class ManifestSection
{
    public const string Title = "Evidence manifest";
    private const int MaxFiles = 250;

    public static void Render(LayoutCursor cursor, EvidenceSeal seal)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: false);
        cursor.Heading(Title);
        cursor.Paragraph($"Evidence digest: {(seal.Evidence.Count == 0 ? "none" : seal.EvidenceDigest)}", theme.BodyBold, theme.Text);
        cursor.Paragraph($"Previous chain hash: {seal.PreviousChainHash ?? "none (first run of this tenant)"}", theme.Body, theme.Text);
        cursor.Paragraph(
            "This run's chain hash is SHA-256 over the previous chain hash, these evidence files and the published reports "
            + "(this PDF included), so it is recorded in manifest.json and, once attested, on the attestation page. "
            + "`compliance verify` recomputes all of them.", theme.Body, theme.Muted);
        cursor.Advance(6);
        if (seal.Evidence.Count == 0)
        {
            cursor.Alert("No evidence files were recorded for this run: the findings cannot be traced to stored raw pages.");
            return;
        }

        var bySource = seal.Evidence.GroupBy(e => e.Name.Split('/')[0], StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        new PdfTable([new("Source", 2), new("Files", 1), new("Bytes", 1.2)]).Render(cursor, bySource.Select(g => (IReadOnlyList<TableCell>)
            [g.Key, ReportFormat.Number(g.Count()), ReportFormat.Number(g.Sum(e => e.Bytes))]));

        cursor.SubHeading("Files");
        var files = seal.Evidence.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        new PdfTable([new("File", 2.4), new("Bytes", 0.8), new("SHA-256", 4.6)]).Render(cursor, files.Take(MaxFiles).Select(e => (IReadOnlyList<TableCell>)
            [e.Name, ReportFormat.Number(e.Bytes), e.Sha256]));
        if (files.Count > MaxFiles)
        {
            cursor.Paragraph($"… {ReportFormat.Number(files.Count - MaxFiles)} more files are listed in manifest.json.", theme.Body, theme.Muted);
        }
    }
}
