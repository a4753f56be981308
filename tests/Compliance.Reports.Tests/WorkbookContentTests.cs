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
    public async Task Daily_sign_ins_are_one_row_per_day_app_and_error_code_with_distinct_ips_and_the_first_failure_reason()
    {
        var review = WithSignIns(0);
        var crm = review.Evidence.Applications[0].AppId;
        const string vendor = "44444444-4444-4444-4444-444444444444";
        var day1 = new DateTimeOffset(2026, 11, 20, 23, 0, 0, TimeSpan.Zero);
        var day2 = day1.AddHours(2);
        ServicePrincipalSignIn SignIn(int i, DateTimeOffset at, string appId, string ip, int code = 0, string? reason = null) =>
            new($"si-{i}", at, appId, ip, code, reason, "clientSecret", "key-crm-1", "Microsoft Graph");
        // Collected out of order: the sheet orders by day, app id, error code.
        List<ServicePrincipalSignIn> signIns =
        [
            SignIn(1, day2, crm, "10.0.0.1"),
            SignIn(2, day1, vendor, "10.0.0.3"),
            SignIn(3, day1, crm, "10.0.0.1", 7000215),
            SignIn(4, day1, crm, "10.0.0.1"),
            SignIn(5, day1.AddMinutes(30), crm, "10.0.0.2"),
            SignIn(6, day1, crm, "10.0.0.2", 7000215, "Invalid client secret"),
            SignIn(7, day1, crm, "10.0.0.1"),
            SignIn(8, day1, crm, "10.0.0.9", 7000215, "A later reason"),
        ];
        review = review with { Evidence = review.Evidence with { SignIns = signIns } };
        using var stream = await RenderAsync(review);
        using var doc = SpreadsheetDocument.Open(stream, false);

        var rows = Rows(doc, "SignIns");
        var header = RowText(doc, rows[0]);
        var shown = rows.Skip(1).Select(r => RowText(doc, r)).Select(t => string.Join(" | ",
            new[] { "App id", "Result", "Error code", "Failure reason", "Sign-ins", "Distinct IPs" }.Select(h => t.ElementAtOrDefault(header.IndexOf(h)) ?? ""))).ToList();
        Assert.Equal(
        [
            $"{crm} | success | 0 |  | 3 | 2",
            $"{crm} | failure | 7000215 | Invalid client secret | 3 | 3",
            $"{vendor} | success | 0 |  | 1 | 1",
            $"{crm} | success | 0 |  | 1 | 1",
        ], shown);
        var days = rows.Skip(1).Select(r => RowText(doc, r)[header.IndexOf("Day (UTC)")]).ToList();
        Assert.Equal(3, days.Count(d => d == days[0]));
        Assert.NotEqual(days[0], days[3]);
        Assert.Empty(new OpenXmlValidator().Validate(doc));
    }

    [Fact]
    public async Task Scope_rows_stop_at_the_limit_with_a_note_and_every_unresolved_problem_still_shown()
    {
        // The sample's scopes: 2 + 45 mailbox rows and one unresolved problem, 48 rows, over a limit of 20.
        using var stream = await RenderAsync(SampleReview.Create(), new ReviewWorkbookWriter(maxDataRows: 20));
        using var doc = SpreadsheetDocument.Open(stream, false);

        var rows = Rows(doc, "Scope");
        var header = RowText(doc, rows[0]);
        // The sheet is filled to its limit exactly: header, data, then the notes (the sample's two sources missing for
        // this sheet and the cut), so data rows are 20 + 1 - 3 = 18: 17 mailbox rows, then the problem.
        Assert.Equal(1 + 20 + 1, rows.Count);
        var data = rows.Skip(1).Select(r => RowText(doc, r)).TakeWhile(t => t.Count > 1).ToList();
        var notes = rows.Skip(1 + data.Count).Select(r => RowText(doc, r)).ToList();
        Assert.Equal(18, data.Count);
        Assert.Equal(3, notes.Count);
        Assert.All(data.SkipLast(1), t => Assert.Contains("@", t[header.IndexOf("Mailbox")], StringComparison.Ordinal));
        Assert.Equal("(unresolved)", data[^1][header.IndexOf("Mailbox")]);
        Assert.Contains("malformed filter", data[^1][header.IndexOf("Reason")], StringComparison.Ordinal);
        var note = Assert.Single(notes, n => n[0].StartsWith("Truncated", StringComparison.Ordinal))[0];
        Assert.Contains("Truncated: Scope shows the first 18 of 48 rows", note, StringComparison.Ordinal);
        Assert.Contains("Integrations sheet", note, StringComparison.Ordinal);
        Assert.Contains(Rows(doc, "Summary"), r => RowText(doc, r).Any(t => t.Contains("18 of 48", StringComparison.Ordinal)));
        Assert.Equal("A1:H19", Sheet(doc, "Scope").Descendants<AutoFilter>().Single().Reference!.Value);
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
