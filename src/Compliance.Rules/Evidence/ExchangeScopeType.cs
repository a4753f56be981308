namespace Compliance.Rules.Evidence;

/// <summary>What an Exchange RBAC role assignment for an app is limited to.</summary>
public enum ExchangeScopeType
{
    /// <summary>No resource scope: every mailbox in the organisation.</summary>
    Organization,
    CustomRecipientScope,
    AdministrativeUnit,
}
