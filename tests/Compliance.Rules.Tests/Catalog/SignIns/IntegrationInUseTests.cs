using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Catalog.SignIns;

public class IntegrationInUseTests
{
    private readonly IntegrationInUse rule = new();

    [Fact]
    public void Recent_successful_sign_in_passes()
    {
        Assert.Empty(new CleanTenant().Run(rule).Findings);
    }

    [Fact]
    public void No_successful_sign_in_over_90_days_of_logs_fails()
    {
        var tenant = new CleanTenant();
        tenant.SignIns.Clear();
        Assert.Contains("no successful sign-in in the last 90 days", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Logs_shorter_than_the_window_cannot_prove_non_use()
    {
        var tenant = new CleanTenant { WindowStart = CleanTenant.AsOf.AddDays(-30) };
        tenant.SignIns.Clear();
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("cover only since", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_activity_report_short_logs_say_why_the_app_is_undetermined()
    {
        var tenant = ShortLogs();
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("sign-in activity report was not collected in this run", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }

    [Fact]
    public void Short_logs_with_an_old_last_sign_in_in_the_activity_report_fail()
    {
        var tenant = WithActivityReport(new ServicePrincipalSignInActivity(CleanTenant.AppId, CleanTenant.AsOf.AddDays(-100), CleanTenant.AsOf.AddDays(-1)));
        var finding = Assert.Single(tenant.Run(rule).Findings);
        Assert.Contains($"last signed in successfully on {CleanTenant.AsOf.AddDays(-100):yyyy-MM-dd}", finding.Detail, StringComparison.Ordinal);
        Assert.Contains($"Entra sign-in activity: last app-only sign-in {CleanTenant.AsOf.AddDays(-100):yyyy-MM-dd}", finding.Evidence);
    }

    [Fact]
    public void Short_logs_and_an_app_the_complete_activity_report_does_not_list_fail()
    {
        var tenant = WithActivityReport();
        Assert.Contains("no successful sign-in in the last 90 days", Assert.Single(tenant.Run(rule).Findings).Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void A_recent_app_only_sign_in_in_the_activity_report_passes_even_when_the_logs_are_empty()
    {
        var tenant = WithActivityReport(new ServicePrincipalSignInActivity(CleanTenant.AppId, CleanTenant.AsOf.AddDays(-40), CleanTenant.AsOf.AddDays(-40)));
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Empty(result.Undetermined);
    }

    [Fact]
    public void A_partial_activity_report_cannot_prove_absence()
    {
        var tenant = ShortLogs();
        tenant.Sources.Add(new SourceResult(EvidenceSources.SignInActivity, SourceState.Partial, "page 2 failed", 0, 2, 10));
        var result = tenant.Run(rule);
        Assert.Empty(result.Findings);
        Assert.Contains("not complete: page 2 failed", Assert.Single(result.Undetermined), StringComparison.Ordinal);
    }

    /// <summary>Short logs plus a complete activity report listing <paramref name="entries"/>.</summary>
    private static CleanTenant WithActivityReport(params ServicePrincipalSignInActivity[] entries)
    {
        var tenant = ShortLogs();
        tenant.Sources.Add(new SourceResult(EvidenceSources.SignInActivity, SourceState.Collected, null, entries.Length, 1, 10));
        tenant.SignInActivity.AddRange(entries);
        return tenant;
    }

    /// <summary>Sign-in logs that reach back 10 days only, with no successful sign-in in them.</summary>
    private static CleanTenant ShortLogs()
    {
        var tenant = new CleanTenant();
        tenant.SignIns.Clear();
        tenant.Sources.RemoveAll(s => s.Name == EvidenceSources.SignIns);
        tenant.Sources.Add(new SourceResult(EvidenceSources.SignIns, SourceState.Collected, null, 0, 1, 10) { CoverageStart = CleanTenant.AsOf.AddDays(-10) });
        return tenant;
    }
}
