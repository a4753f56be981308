using Compliance.Collectors;
using Compliance.Worker.Authentication;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>
/// A real tenant from appsettings.json Tenants:{name}. The secret or certificate is read at run time from the store Auth
/// references (environment, user secrets, Key Vault, certificate file or store).
/// </summary>
public sealed class ConfiguredTenantSession(string tenant, TenantConnection connection, CredentialSource credentialSource, string? signInWorkspaceId = null) : ITenantSession
{
    public string Tenant { get; } = tenant;

    public TenantConnection Connection { get; } = connection;

    public CredentialSource CredentialSource { get; } = credentialSource;

    /// <param name="name">The tenant's name in Tenants.</param>
    /// <param name="settings">The validated settings.</param>
    /// <param name="stores">How secret stores are reached; null = the defaults.</param>
    /// <param name="transport">The HTTP handler of every tenant call; null = the default (tests pin the simulator's certificate).</param>
    /// <param name="cancellationToken">Cancels reading the secret.</param>
    public static async Task<ConfiguredTenantSession> CreateAsync(
        string name, ComplianceSettings settings, SecretStores? stores, Func<HttpMessageHandler>? transport, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!settings.Tenants.TryGetValue(name, out var tenant))
        {
            var known = settings.Tenants.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", settings.Tenants.Keys);
            throw new ConfigurationException($"--tenant: '{name}' is not in appsettings.json Tenants ({known}); use --demo for the built-in demo tenant");
        }

        var key = $"Tenants:{name}";
        var endpoints = TenantEndpoints.For(tenant, key);
        var (credential, source) = await TenantAuthentication.CreateAsync(tenant, key, endpoints, stores ?? SecretStores.Default, transport, cancellationToken);
        return new ConfiguredTenantSession(name, new TenantConnection(tenant.TenantId!, endpoints, credential, transport), source, tenant.SignInWorkspaceId);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public CollectionOptions Tune(CollectionOptions options) =>
        signInWorkspaceId is null ? options : options with { SignInWorkspace = new LogAnalyticsWorkspace(signInWorkspaceId) };
}
