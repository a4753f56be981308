using Compliance.Rules.Evidence;
using Compliance.Rules.Review;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;
using static Compliance.Reports.Tests.WorkbookWriterTests;

namespace Compliance.Reports.Tests;

/// <summary>What a reader of the workbook sees: notes for missing sources and truncation, scope reasons, portal links.</summary>
public class WorkbookContentTests
{
    private static ReviewDocument WithSignIns(int count)
    {
        var review = SampleReview.Create();
        var evidence = review.Evidence;
        var sources = evidence.Sources.Select(s => s.Name == EvidenceSources.SignIns
            ? new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, count, 3, 100) : s).ToList();
        var crm = evidence.Applications[0];
        var signIns = Enumerable.Range(0, count).Select(i => new ServicePrincipalSignIn(
            $"si-{i:D5}", SampleReview.AsOf.AddHours(-i), crm.AppId, $"10.0.0.{i % 7}", i % 10 == 0 ? 7000215 : 0,
            i % 10 == 0 ? "Invalid client secret" : null, "clientSecret", "key-crm-1", "Microsoft Graph")).ToList();
        return review with { Evidence = evidence with { Sources = sources, SignIns = signIns } };
    }

    [Fact]
    public async Task Missing_source_is_stated_on_its_sheet_and_on_the_summary()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);

        var rows = Rows(doc, "SignIns raw");
        Assert.Equal(2, rows.Count);
        Assert.Contains($"Source '{SampleReview.MissingSource}' was not collected", RowText(doc, rows[1])[0], StringComparison.Ordinal);
        var summary = Rows(doc, "Summary").Select(r => string.Join(" | ", RowText(doc, r))).ToList();
        Assert.Contains(summary, l => l.Contains($"Incomplete source: {SampleReview.MissingSource}", StringComparison.Ordinal)
            && l.Contains("AuditLog.Read.All", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Completeness_sheet_shows_each_sources_pages_retries_and_429s()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);

        var rows = Rows(doc, "Completeness");
        var header = RowText(doc, rows[0]);
        var grants = RowText(doc, rows.Single(r => RowText(doc, r)[0] == EvidenceSources.AppRoleGrants));
        Assert.Equal(["4", "2", "2", "1"], new[] { "Requests", "Pages", "Retries", "Throttled (429)" }.Select(h => grants[header.IndexOf(h)]));
    }

    [Fact]
    public async Task Raw_rows_stop_at_the_limit_with_a_note_and_the_daily_sheet_counts_every_row()
    {
        var review = WithSignIns(500);
        using var stream = await RenderAsync(review, new ReviewWorkbookWriter(maxDataRows: 120));
        using var doc = SpreadsheetDocument.Open(stream, false);

        var raw = Rows(doc, "SignIns raw");
        Assert.Equal(1 + 120 + 1, raw.Count);
        var note = RowText(doc, raw[^1])[0];
        Assert.Contains("Truncated", note, StringComparison.Ordinal);
        Assert.Contains("120 of 500", note, StringComparison.Ordinal);
        Assert.Contains(Rows(doc, "Summary"), r => RowText(doc, r).Any(t => t.Contains("120 of 500", StringComparison.Ordinal)));

        var daily = Rows(doc, "SignIns");
        var header = RowText(doc, daily[0]);
        var total = daily.Skip(1).Sum(r => long.Parse(RowText(doc, r)[header.IndexOf("Sign-ins")], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(500, total);
        Assert.Contains(daily.Skip(1), r => RowText(doc, r)[header.IndexOf("Result")] == "failure");

        // Last use comes from the sign-ins' credential key id.
        var credentials = Rows(doc, "Credentials");
        var credHeader = RowText(doc, credentials[0]);
        var crm1 = credentials.Single(r => RowText(doc, r).Contains("key-crm-1"));
        Assert.False(string.IsNullOrEmpty(RowText(doc, crm1)[credHeader.IndexOf("Last used (UTC)")]));
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public async Task Scope_sheet_has_app_mailbox_and_reason()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = Rows(doc, "Scope");
        var header = RowText(doc, rows[0]);

        var rbac = rows.Select(r => RowText(doc, r)).Single(t => t.Contains(SampleReview.RbacMailbox));
        Assert.Equal("CRM Mailer", rbac[header.IndexOf("App")]);
        Assert.Equal("Exchange RBAC, custom scope", rbac[header.IndexOf("Path")]);
        Assert.Equal(SampleReview.RbacReason, rbac[header.IndexOf("Reason")]);
        Assert.Contains(rows.Select(r => RowText(doc, r)), t => t.Count > 4 && t[header.IndexOf("Unrestricted")] == "yes");
    }

    [Fact]
    public async Task Integrations_link_to_the_entra_portal()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var rows = Rows(doc, "Integrations");
        var header = RowText(doc, rows[0]);
        var crm = rows.Single(r => RowText(doc, r).Contains("CRM"));

        var link = crm.Elements<Cell>().ElementAt(header.IndexOf("App registration"));
        Assert.Contains("HYPERLINK(\"https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps/ApplicationMenuBlade/~/Overview/appId/11111111-1111-1111-1111-111111111111\"",
            link.CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal("App registration", CellText(doc, link));
        var vendor = rows.Single(r => RowText(doc, r).Any(t => t.Contains("not in register", StringComparison.Ordinal)));
        Assert.Contains("ManagedAppMenuBlade", vendor.Elements<Cell>().ElementAt(header.IndexOf("Enterprise app")).CellFormula!.Text, StringComparison.Ordinal);
        Assert.Equal("no", RowText(doc, vendor)[header.IndexOf("In register")]);
    }

    [Fact]
    public async Task Severity_and_status_cells_are_filled()
    {
        using var stream = await RenderAsync();
        using var doc = SpreadsheetDocument.Open(stream, false);
        var stylesheet = doc.WorkbookPart!.WorkbookStylesPart!.Stylesheet;
        var rows = Rows(doc, "Findings");
        var header = RowText(doc, rows[0]);

        string FillOf(Cell cell)
        {
            var format = (CellFormat)stylesheet.CellFormats!.ElementAt((int)cell.StyleIndex!.Value);
            var fill = (Fill)stylesheet.Fills!.ElementAt((int)format.FillId!.Value);
            return fill.PatternFill!.ForegroundColor!.Rgb!.Value!;
        }

        var critical = rows.Skip(1).First(r => RowText(doc, r)[0] == "critical").Elements<Cell>().First();
        Assert.EndsWith(ReportPalette.DarkRed.Hex, FillOf(critical), StringComparison.OrdinalIgnoreCase);
        var reopened = rows.Skip(1).First(r => RowText(doc, r)[header.IndexOf("Status")] == "reopened").Elements<Cell>().ElementAt(header.IndexOf("Status"));
        Assert.EndsWith(ReportPalette.Red.Hex, FillOf(reopened), StringComparison.OrdinalIgnoreCase);
    }
}
