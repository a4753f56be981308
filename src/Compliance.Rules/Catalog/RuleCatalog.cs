using Compliance.Rules.Catalog.Credentials;
using Compliance.Rules.Catalog.Governance;
using Compliance.Rules.Catalog.Permissions;
using Compliance.Rules.Catalog.Scope;
using Compliance.Rules.Engine;

namespace Compliance.Rules.Catalog;

/// <summary>Every implemented control. docs/controls.md is generated from this list.</summary>
public static class RuleCatalog
{
    public static IReadOnlyList<IRule> All { get; } =
    [
        new OnlyMailSendGranted(),
        new EntraGrantDoesNotBypassScope(),
        new LegacyAccessPolicy(),
        new SecretRotated(),
        new CredentialNotAboutToExpire(),
        new NoExpiredCredentials(),
        new OneActiveSecret(),
        new SecretLifetimeWithinPolicy(),
        new NoCredentialsOnServicePrincipal(),
        new RegisterComplete(),
        new DedicatedAppRegistration(),
    ];
}
