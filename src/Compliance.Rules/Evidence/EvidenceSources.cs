namespace Compliance.Rules.Evidence;

/// <summary>Names of the evidence sources, as they appear in findings.json "sources".</summary>
public static class EvidenceSources
{
    public const string Applications = "applications";
    public const string ServicePrincipals = "servicePrincipals";
    public const string AppRoleGrants = "appRoleGrants";
    public const string AccessPolicies = "applicationAccessPolicies";

    /// <summary>The integration register from configuration: evidence like any other, always collected.</summary>
    public const string Register = "integrationRegister";
}
