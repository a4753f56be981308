namespace Compliance.Rules.Evidence;

/// <summary>
/// One service principal's last sign-ins from Graph beta reports/servicePrincipalSignInActivities (m365-apis.md §1.1
/// [S6b]). Entra keeps these dates beyond any sign-in log retention, which is what its "remove unused applications"
/// recommendation reads. <see cref="LastAppOnlySignIn"/> is applicationAuthenticationClientSignInActivity: the app
/// signing in on its own, as a client (client credentials, the mailer integrations' flow); <see cref="LastSignIn"/> is
/// lastSignInActivity, across delegated and app-only flows, as client or resource.
/// </summary>
public sealed record ServicePrincipalSignInActivity(string AppId, DateTimeOffset? LastAppOnlySignIn, DateTimeOffset? LastSignIn);
