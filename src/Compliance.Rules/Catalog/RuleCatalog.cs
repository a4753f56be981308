using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Catalog.Governance;
using Compliance.Rules.Catalog.Mailboxes;
using Compliance.Rules.Catalog.Permissions;
using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Catalog.Sending;
using Compliance.Rules.Catalog.SignIns;
using Compliance.Rules.Engine;

namespace Compliance.Rules.Catalog;

/// <summary>Every implemented control (controls.md). docs/controls.md is generated from this list.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new OnlyMailSendGranted(),
        new NoDelegatedPermissions(),
        new PermissionsUnchanged(),
        new RbacScopePresent(),
        new EntraGrantDoesNotBypassScope(),
        new EffectiveScopeApproved(),
        new LegacyAccessPolicy(),
        new ScopeResolvesAsIntended(),
        new NoUnregisteredMailApps(),
        new NoPersonalMailboxes(),
        new SharedMailboxSignInBlocked(),
        new MailboxAuditingOn(),
        new NoUnusedSharedMailboxes(),
        new SecretRotated(),
        new CredentialNotAboutToExpire(),
        new NoExpiredCredentials(),
        new OneActiveSecret(),
        new SecretLifetimeWithinPolicy(),
        new NoCredentialsOnServicePrincipal(),
        new CertificatePreferred(),
        new AuthenticationHealthy(),
        new IntegrationInUse(),
        new SignInsFromAllowedNetworks(),
        new SendsOnlyFromApprovedMailboxes(),
        new MailIsDelivered(),
        new VolumeWithinBaseline(),
        new RegisterComplete(),
        new DedicatedAppRegistration(),
        new ReviewOnTime(),
        new MonitoringPrerequisites(),
    ];
}
