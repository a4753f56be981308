using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Everything one generated mail-sending app consists of, built as the clean target model (a certificate, an RBAC
/// Application Mail.Send scoped to its one shared mailbox, daily sign-ins and mail) and then changed by exactly one
/// planted defect, which also records the findings that change must produce.
/// </summary>
internal sealed class IntegrationPlan
{
    public required int Number { get; init; }
    public required string Defect { get; init; }
    public required string AppId { get; init; }
    public required string DisplayName { get; init; }
    public bool Registered { get; set; } = true;

    /// <summary>Register entries; two (different vendors, one app id) plant GOV-002.</summary>
    public List<SimIntegration> RegisterEntries { get; } = [];

    public List<PlanCredential> Credentials { get; } = [];

    /// <summary>Entra application permissions as (resource key, role value).</summary>
    public List<(string Resource, string Role)> EntraGrants { get; } = [];

    public List<PlanRbac> Rbac { get; } = [];

    /// <summary>Management scopes this plan creates, as (name, OPATH filter).</summary>
    public List<(string Name, string Filter)> Scopes { get; } = [];

    public List<(string Name, IReadOnlyList<string> Members)> Units { get; } = [];

    public List<PlanMailbox> Mailboxes { get; } = [];

    public List<PlanGroup> Groups { get; } = [];

    /// <summary>Application Access Policies as (RestrictAccess | DenyAccess, group mail).</summary>
    public List<(string Right, string GroupMail)> AccessPolicies { get; } = [];

    public List<string> DelegatedScopes { get; } = [];

    public List<PlanSignIn> SignIns { get; } = [];

    public List<PlanMessage> Messages { get; } = [];

    public List<PlanAudit> Audit { get; } = [];

    public List<SimExpectedFinding> Expected { get; } = [];

    public SimIntegration Entry
    {
        get => RegisterEntries[0];
        set => RegisterEntries[0] = value;
    }

    public void Expect(string ruleId, string severity, string? qualifier = null, string? resourceId = null) =>
        Expected.Add(new SimExpectedFinding(ruleId, resourceId ?? AppId, qualifier, severity));
}
