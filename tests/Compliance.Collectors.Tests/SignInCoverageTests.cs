using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests;

/// <summary>
/// How far back sign-ins really reach, measured from the tenant: the Log Analytics workspace says where its rows begin,
/// and Entra's sign-in activity report remembers each app's last sign-in beyond any log retention.
/// </summary>
public class SignInCoverageTests
{
    private const string Northwind = "11111111-1111-4111-8111-000000000003";
    private const string Workspace = "5a1e0000-0000-4000-8000-00000000d3e0";

    /// <summary>The demo workspace's "month+2d" for the anchor's month.</summary>
    private static readonly DateTimeOffset DataSince = new(2026, 11, 3, 0, 0, 0, TimeSpan.Zero);

    private static CollectionOptions FromWorkspace { get; } = RunningTenant.Options with { SignInWorkspace = new LogAnalyticsWorkspace(Workspace) };

    [Fact]
    public async Task Workspace_coverage_starts_at_its_earliest_row_and_the_query_is_accounted()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, sink) = await tenant.CollectAsync(options: FromWorkspace);

        var signIns = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.Collected, signIns.State);
        // The review window starts on the 1st; the workspace's rows only on the 3rd (Payroll signs in every 6 hours).
        Assert.InRange(signIns.CoverageStart!.Value, DataSince, DataSince.AddHours(6));
        Assert.Contains($"earliest AADServicePrincipalSignInLogs row in the review window is from {signIns.CoverageStart:yyyy-MM-dd HH:mm} UTC", signIns.CoverageNote, StringComparison.Ordinal);
        Assert.All(evidence.SignIns, s => Assert.True(s.CreatedDateTime >= DataSince, s.Id));
        // One coverage query plus one query per day of the window, every one counted and kept as raw evidence.
        var queries = tenant.Host.Requests.Entries.Count(e => e.PathAndQuery.StartsWith("/v1/workspaces/", StringComparison.Ordinal) && e.Status == 200);
        Assert.Equal(1 + 29, queries);
        Assert.Equal(queries, signIns.Requests);
        Assert.Equal(queries, sink.Pages.Count(p => p.Source == EvidenceSources.SignIns));
    }

    [Fact]
    public async Task A_workspace_without_rows_in_the_window_covers_nothing_and_says_so()
    {
        await using var tenant = await RunningTenant.StartAsync(FixtureJson.WithWorkspaceDataSince("now+1d"));
        var (evidence, _) = await tenant.CollectAsync(options: FromWorkspace);

        var signIns = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.Collected, signIns.State);
        Assert.Empty(evidence.SignIns);
        Assert.Equal(RunningTenant.Window.End, signIns.CoverageStart);
        Assert.Contains("holds no AADServicePrincipalSignInLogs rows in the review window, so nothing is covered", signIns.CoverageNote, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_activity_report_gives_last_app_only_sign_ins_older_than_any_log()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var (evidence, sink) = await tenant.CollectAsync(options: FromWorkspace);

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignInActivity);
        Assert.Equal((SourceState.Collected, 7L), (source.State, source.Records));
        Assert.Equal(source.Requests, sink.Pages.Count(p => p.Source == EvidenceSources.SignInActivity));
        var northwind = Assert.Single(evidence.SignInActivity, a => a.AppId == Northwind);
        Assert.InRange(northwind.LastAppOnlySignIn!.Value, RunningTenant.Anchor.AddDays(-100), RunningTenant.Anchor.AddDays(-99));
        // Neither Graph's 30 days nor the workspace hold it.
        Assert.DoesNotContain(evidence.SignIns, s => s.AppId == Northwind);
        Assert.DoesNotContain(evidence.SignInActivity, a => a.AppId == "11111111-1111-4111-8111-000000000007");
    }

    [Fact]
    public async Task Denied_sign_in_activity_report_is_not_collected_with_the_permission_to_grant()
    {
        var (evidence, reason) = await RunningTenant.NotCollectedAsync("\"deniedPermissions\": [\"signInActivity\"]", EvidenceSources.SignInActivity);
        Assert.Contains("AuditLog.Read.All", reason, StringComparison.Ordinal);
        Assert.Empty(evidence.SignInActivity);
        Assert.Equal(SourceState.Collected, evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns).State);
    }
}
