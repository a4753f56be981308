namespace Compliance.Rules.Scope;

/// <summary>How an app came to be able to send as a mailbox (controls.md, effective send-as scope).</summary>
public enum SendAsPath
{
    /// <summary>Entra Graph Mail.Send with no Application Access Policy.</summary>
    EntraGrantUnrestricted,

    /// <summary>Entra Graph Mail.Send narrowed by a RestrictAccess policy to its group.</summary>
    EntraGrantRestrictAccess,

    /// <summary>Entra Graph Mail.Send with only DenyAccess policies: everyone but their groups.</summary>
    EntraGrantDenyAccess,

    /// <summary>Exchange RBAC role with Mail.Send, custom management scope.</summary>
    RbacCustomScope,

    /// <summary>Exchange RBAC role with Mail.Send, administrative unit scope.</summary>
    RbacAdministrativeUnit,

    /// <summary>Exchange RBAC role with Mail.Send and no scope.</summary>
    RbacOrganization,

    /// <summary>EXO full_access_as_app or Application Exchange Full Access.</summary>
    FullAccess,
}
