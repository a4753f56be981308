namespace Compliance.Reports.Tests;

public class ReportFileNamesTests
{
    [Fact]
    public void Names_follow_the_contract()
    {
        Assert.Equal("compliance-review-demo-2026-11.pdf", ReportFileNames.Pdf("demo", "2026-11"));
        Assert.Equal("compliance-review-demo-2026-11.xlsx", ReportFileNames.Workbook("demo", "2026-11"));
        Assert.Equal("findings.json", ReportFileNames.Findings);
        Assert.Equal("manifest.json", ReportFileNames.Manifest);
    }

    [Theory]
    [InlineData("../evil", "2026-11")]
    [InlineData("demo", "2026-13")]
    [InlineData("demo", "11-2026")]
    public void Rejects_names_that_are_not_safe_or_not_a_period(string tenant, string period)
    {
        Assert.Throws<ArgumentException>(() => ReportFileNames.Pdf(tenant, period));
    }
}
