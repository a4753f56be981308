namespace Compliance.TenantSimulator.Identity;

internal enum TokenAudience
{
    Graph,
    Exchange,
    LogAnalytics,
    KeyVault,
}
