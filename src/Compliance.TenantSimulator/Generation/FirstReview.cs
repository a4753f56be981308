using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// A generated tenant has no run history, so its first review has never been attested. controls.md GOV-003 fails
/// when the last attested review is older than Policy:ReviewIntervalDays; a tenant never attested has no review within
/// any interval, so the first review of every generated tenant is expected to report it.
/// </summary>
internal static class FirstReview
{
    public static SimExpectedFinding NeverAttested(string tenantName) => new("GOV-003", tenantName, null, Severity.Medium);
}
