namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// The Log Analytics workspace behind the tenant: <see cref="DataSince"/> is where its AADServicePrincipalSignInLogs rows
/// begin (a workspace keeps only its retention, and only since the diagnostic setting was created); older sign-ins are
/// not served. Null = every sign-in of the fixture.
/// </summary>
internal sealed class FixtureLogAnalytics
{
    public string? DataSince { get; set; }
}
