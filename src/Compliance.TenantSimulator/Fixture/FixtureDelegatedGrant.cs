namespace Compliance.TenantSimulator.Fixture;

/// <summary>An oauth2PermissionGrant (delegated consent) for an app's SP on a resource ("graph" or "exchange").</summary>
internal sealed class FixtureDelegatedGrant
{
    public string? Id { get; set; }
    public string AppId { get; set; } = "";
    public string Resource { get; set; } = "graph";
    /// <summary>AllPrincipals (admin consent) or Principal (one user's consent; then <see cref="Principal"/> names the mailbox address).</summary>
    public string ConsentType { get; set; } = "AllPrincipals";
    public string? Principal { get; set; }
    public string Scope { get; set; } = "";
}
