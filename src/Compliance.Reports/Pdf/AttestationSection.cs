using Compliance.Rules.Review;
using PdfSharp.Drawing;

namespace Compliance.Reports.Pdf;

/// <summary>
/// The page a reviewer signs. Filled from the recorded attestation when the run is attested; otherwise
/// the fields are blank lines for a wet signature and the command that records a sign-off is named.
/// </summary>
internal static class AttestationSection
{
    public const string Title = "Attestation";

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        var run = document.Run;
        cursor.NewPage(landscape: false);
        cursor.Heading(Title);
        cursor.Paragraph(
            $"I have reviewed the compliance review of tenant {run.Tenant} for {run.Period} (run {run.Id}): its findings, "
            + "the data completeness statement and the waivers listed.", theme.Body, theme.Text);
        cursor.Advance(14);

        var attestation = document.Attestation;
        if (attestation is null)
        {
            cursor.Paragraph("Not yet attested. Record the sign-off with: compliance attest --run " + run.Id + " --reviewer <UPN>",
                theme.BodyBold, theme.Alert);
            cursor.Advance(20);
            Line(cursor, "Reviewer", null);
            Line(cursor, "Date", null);
            Line(cursor, "Statement", null);
            Line(cursor, "Signature", null);
            return;
        }

        Line(cursor, "Reviewer", attestation.Reviewer);
        Line(cursor, "Date", ReportFormat.Date(attestation.AttestedAt));
        Line(cursor, "Statement", attestation.Statement);
        Line(cursor, "Chain hash", attestation.ChainHash);
        Line(cursor, "Signature", null);
        cursor.Paragraph($"Recorded electronically by {attestation.Reviewer}; the chain hash above links this sign-off to the evidence and reports.",
            theme.Small, theme.Muted);
    }

    /// <summary>A label, the value (or nothing) and a rule to sign or write on.</summary>
    private static void Line(LayoutCursor cursor, string label, string? value)
    {
        var theme = cursor.Theme;
        const double labelWidth = 90;
        cursor.EnsureSpace(40);
        cursor.Gfx.DrawString(label, theme.BodyBold, theme.Text, new XPoint(cursor.Left, cursor.Y + 10), XStringFormats.TopLeft);
        var y = cursor.Y + 10;
        foreach (var line in TextWrapper.Wrap(cursor.Gfx, value ?? string.Empty, theme.Body, cursor.Width - labelWidth))
        {
            cursor.Gfx.DrawString(line, theme.Body, theme.Text, new XPoint(cursor.Left + labelWidth, y), XStringFormats.TopLeft);
            y += theme.Body.GetHeight();
        }

        y = Math.Max(y, cursor.Y + 24);
        cursor.Gfx.DrawLine(theme.Rule, cursor.Left + labelWidth, y + 2, cursor.Left + cursor.Width, y + 2);
        cursor.Advance(y - cursor.Y + 16);
    }
}
