using Compliance.Rules.Evidence;
using Compliance.Rules.Review;
using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>Page 1: what was reviewed, when, and the verdict — including, in red, any evidence that is missing.</summary>
internal static class CoverSection
{
    public static void Render(LayoutCursor cursor, ReviewDocument document, EvidenceSeal seal)
    {
        var theme = cursor.Theme;
        var run = document.Run;
        cursor.NewPage(landscape: false);
        cursor.Document.Outlines.Add("Cover", cursor.Page, true);

        cursor.Advance(80);
        cursor.Paragraph("Compliance review", theme.Title, theme.Text);
        cursor.Advance(6);
        cursor.Paragraph("Third-party applications sending mail through Microsoft Graph", theme.SubHeading, theme.Muted);
        cursor.Advance(30);

        Field(cursor, "Tenant", $"{run.Tenant} ({run.TenantId})");
        Field(cursor, "Period", run.Period);
        Field(cursor, "Run id", run.Id);
        Field(cursor, "Generated at", ReportFormat.Date(run.CompletedAt));
        Field(cursor, "Evidence as of", ReportFormat.Date(document.Evidence.AsOf));
        Field(cursor, "Run status", ReportFormat.RunStatusText(run.Status));
        Field(cursor, "Overall result", ReportFormat.OverallResult(document.Evaluation));
        Field(cursor, "Findings", ReportFormat.Number(document.Evaluation.Findings.Count));
        // The chain hash of this run covers this PDF's bytes, so it cannot appear here (see EvidenceSeal):
        // the cover pins the evidence and the previous link instead; manifest.json carries the chain hash.
        Field(cursor, "Evidence digest", seal.Evidence.Count == 0 ? "no evidence files were recorded" : $"{seal.EvidenceDigest} ({ReportFormat.Plural(seal.Evidence.Count, "file")})");
        Field(cursor, "Previous chain hash", seal.PreviousChainHash ?? "none (first run of this tenant)");
        Field(cursor, "Chain hash", document.Attestation?.ChainHash ?? "in manifest.json (it covers this file)");
        Field(cursor, "Attestation", document.Attestation is { } a ? $"attested by {a.Reviewer} on {ReportFormat.Date(a.AttestedAt)}" : "on the attestation page (last page; compliance attest fills it in)");

        var incomplete = document.Evidence.Sources.Where(s => s.State != SourceState.Collected).ToList();
        if (incomplete.Count == 0)
        {
            return;
        }

        // An auditor must not read "0 findings" as "all clear" when evidence is missing.
        cursor.Advance(20);
        var names = string.Join(", ", incomplete.Select(s => s.Name));
        cursor.Paragraph($"Incomplete evidence: {names}", theme.BodyBold, theme.Alert);
        foreach (var source in incomplete)
        {
            var state = source.State == SourceState.NotCollected ? "not collected" : "partially collected";
            cursor.Paragraph($"• {source.Name} — {state}: {source.Reason ?? "no reason recorded"}", theme.Body, theme.Alert, indent: 12);
        }

        cursor.Paragraph("Controls that depend on these sources are reported as not evaluated.", theme.Body, theme.Alert, indent: 12);
    }

    private static void Field(LayoutCursor cursor, string label, string value)
    {
        var theme = cursor.Theme;
        const double labelWidth = 140;
        var lines = TextWrapper.Wrap(cursor.Gfx, value, theme.Body, cursor.Width - labelWidth);
        var lineHeight = theme.Body.GetHeight() + 3;
        cursor.Gfx.DrawString(label, theme.BodyBold, theme.Text, new XPoint(cursor.Left, cursor.Y), XStringFormats.TopLeft);
        foreach (var line in lines)
        {
            cursor.Gfx.DrawString(line, theme.Body, theme.Text, new XPoint(cursor.Left + labelWidth, cursor.Y), XStringFormats.TopLeft);
            cursor.Advance(lineHeight);
        }
    }
}
