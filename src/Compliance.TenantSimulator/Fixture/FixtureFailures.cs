namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Tenant-level prerequisite, licence and permission failures a fixture can plant (issue 3 item 4):
/// what a real tenant answers when the auditor app lacks something.
/// </summary>
internal sealed class FixtureFailures
{
    /// <summary>v1.0 security/auditLog/queries answers 404 while beta works, as one project measured (m365-apis.md §0.4).</summary>
    public bool AuditQueryV1Absent { get; set; }
    /// <summary>The Transport Data Platform SP 8bd644d1-… is not provisioned: message trace answers 401 (m365-apis.md §2.1).</summary>
    public bool MessageTraceServicePrincipalMissing { get; set; }
    /// <summary>No Entra ID P1/P2: sign-in logs answer 403 (m365-apis.md §1.1).</summary>
    public bool NoPremiumLicence { get; set; }
    /// <summary>reports/servicePrincipalSignInActivities answers $orderby with 400, to prove a collector falls back to a full read.</summary>
    public bool SignInActivityOrderByRefused { get; set; }
    /// <summary>reports/servicePrincipalSignInActivities accepts $orderby but ignores it, to prove a collector notices and reads in full.</summary>
    public bool SignInActivityOrderByIgnored { get; set; }
    /// <summary>Endpoint groups whose permission the auditor app lacks → 403 Authorization_RequestDenied: users, groups, administrativeUnits, oauth2PermissionGrants, signIns, messageTrace, auditQuery, roleManagement, sendMail, exchange, logAnalytics.</summary>
    public List<string> DeniedPermissions { get; set; } = [];
}
