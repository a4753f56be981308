namespace Compliance.Reports.Facts;

/// <summary>
/// What a findings table says in its Integration column. An app or mailbox finding without an integration belongs to
/// no register entry (a shadow app, an unapproved mailbox) and says so; a finding about the tenant, its organisation
/// settings or an evidence source concerns every integration and no single one.
/// </summary>
internal static class FindingIntegration
{
    public static string Label(string resourceType, string? integration) =>
        integration ?? (resourceType is "source" or "tenant" or "organization" ? "all (tenant-wide)" : "not in register");
}
