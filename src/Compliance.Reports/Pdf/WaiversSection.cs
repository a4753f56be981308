using Compliance.Rules.Review;

namespace Compliance.Reports.Pdf;

/// <summary>
/// Accepted exceptions: active, expiring within 30 days of the run, and expired this period. A reviewer
/// re-approves or lets each lapse; an expired waiver means its finding is open again.
/// </summary>
internal static class WaiversSection
{
    public const string Title = "Waivers";

    private static readonly TableColumn[] Columns =
    [
        new("Waiver", 1.0), new("Control", 0.9), new("Resource", 1.6), new("Reason", 3.2), new("Approver", 1.6),
        new("Ticket", 0.9), new("Until", 0.9), new("Days left", 0.7),
    ];

    private static readonly (string State, string Heading, string Empty)[] Groups =
    [
        ("active", "Active", "No active waivers."),
        ("expiring", "Expiring within 30 days", "No waiver expires within 30 days."),
        ("expired", "Expired this period", "No waiver expired this period."),
        ("revoked", "Revoked", "No waiver was revoked."),
    ];

    public static void Render(LayoutCursor cursor, ReviewDocument document)
    {
        var theme = cursor.Theme;
        cursor.NewPage(landscape: true);
        cursor.Heading(Title);
        if (document.Waivers.Count == 0)
        {
            cursor.Paragraph("No waiver is recorded for this tenant: every finding counts as open.", theme.Body, theme.Text);
            return;
        }

        var asOf = document.Evidence.AsOf;
        foreach (var (state, heading, empty) in Groups)
        {
            var waivers = document.Waivers.Where(w => string.Equals(w.State, state, StringComparison.OrdinalIgnoreCase)).ToList();
            if (state == "revoked" && waivers.Count == 0)
            {
                continue;
            }

            cursor.SubHeading($"{heading} ({waivers.Count})");
            if (waivers.Count == 0)
            {
                cursor.Paragraph(empty, theme.Body, theme.Text);
                continue;
            }

            new PdfTable(Columns).Render(cursor, waivers.Select(w => (IReadOnlyList<TableCell>)
            [
                new TableCell(w.Id, ReportPalette.ForWaiver(state)),
                w.RuleId,
                w.ResourceId,
                w.Reason,
                w.Approver,
                w.Ticket ?? "–",
                ReportFormat.Day(w.Until),
                ReportFormat.Days((w.Until - asOf).TotalDays),
            ]));
        }
    }
}
