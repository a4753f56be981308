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
        var run = document.Run;
        cursor.NewPage(landscape: false);
        cursor.Heading(Title);
        Introduction(cursor, run.Tenant, run.Period, run.Id);

        var attestation = document.Attestation;
        if (attestation is null)
        {
            cursor.Paragraph("Not yet attested. Record the sign-off with: compliance attest --run " + run.Id + " --reviewer <UPN>",
                cursor.Theme.BodyBold, cursor.Theme.Alert);
            cursor.Advance(20);
            Line(cursor, "Reviewer", null);
            Line(cursor, "Date", null);
            Line(cursor, "Statement", null);
            Line(cursor, "Signature", null);
            return;
        }

        SignOff(cursor, new AttestationPage(attestation.Reviewer, attestation.Statement, attestation.AttestedAt), "Chain hash", attestation.ChainHash,
            $"Recorded electronically by {attestation.Reviewer}; the chain hash above links this sign-off to the evidence and reports.");
    }

    /// <summary>
    /// The page as `attest` redraws it in the published PDF (on the page the "Attestation" bookmark points to). The
    /// sign-off's own attestation-chain hash covers this file, so it cannot be printed here; the run's chain hash can.
    /// </summary>
    public static void RenderAttested(LayoutCursor cursor, AttestedRun run, AttestationPage page)
    {
        cursor.HeadingText(Title);
        Introduction(cursor, run.Tenant, run.Period, run.Id);
        SignOff(cursor, page, "Run chain hash", run.ChainHash,
            $"Filled in by compliance attest, recorded electronically for {page.Reviewer}. The sign-off's hash in the attestation chain covers "
            + "this file, so attest prints it and verify checks it; it cannot appear inside the file it covers.");
    }

    private static void Introduction(LayoutCursor cursor, string tenant, string period, string runId)
    {
        cursor.Paragraph(
            $"I have reviewed the compliance review of tenant {tenant} for {period} (run {runId}): its findings, "
            + "the data completeness statement and the waivers listed.", cursor.Theme.Body, cursor.Theme.Text);
        cursor.Advance(14);
    }

    private static void SignOff(LayoutCursor cursor, AttestationPage page, string hashLabel, string hash, string note)
    {
        Line(cursor, "Reviewer", page.Reviewer);
        Line(cursor, "Date", ReportFormat.Date(page.AttestedAt));
        Line(cursor, "Statement", page.Statement);
        Line(cursor, hashLabel, hash);
        Line(cursor, "Signature", null);
        cursor.Paragraph(note, cursor.Theme.Small, cursor.Theme.Muted);
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
