namespace Compliance.Rules.Evidence;

/// <summary>Names of the evidence sources, as they appear in findings.json "sources".</summary>
public static class EvidenceSources
{
    public const string Applications = "applications";
    public const string ServicePrincipals = "servicePrincipals";
    public const string AppRoleGrants = "appRoleGrants";
    public const string AccessPolicies = "applicationAccessPolicies";

    public const string DelegatedGrants = "delegatedGrants";
    public const string ExchangeRbac = "exchangeRbac";
    public const string Mailboxes = "mailboxes";
    public const string Groups = "groups";
    public const string AdministrativeUnits = "administrativeUnits";
    public const string OrganizationConfig = "organizationConfig";
    public const string SignIns = "signIns";
    public const string MessageTrace = "messageTrace";
    public const string MailboxAudit = "mailboxAudit";

    /// <summary>Last sign-in per service principal (Graph beta reports/servicePrincipalSignInActivities), beyond log retention.</summary>
    public const string SignInActivity = "signInActivity";

    /// <summary>The integration register from configuration: evidence like any other, always collected.</summary>
    public const string Register = "integrationRegister";

    /// <summary>Attestations recorded in the store (GOV-003, PERM-003): always collected, possibly empty.</summary>
    public const string Attestations = "attestations";
}
