namespace Compliance.Collectors;

/// <summary>
/// A Log Analytics workspace that receives the Entra ServicePrincipalSignInLogs diagnostic category; when set,
/// sign-ins are read from AADServicePrincipalSignInLogs (GA, longer retention) instead of Graph beta (m365-apis.md §1.3).
/// </summary>
public sealed record LogAnalyticsWorkspace(string WorkspaceId);
