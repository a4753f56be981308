using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Compliance.Collectors;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>A real tenant from appsettings.json Tenants:{name}. Secrets are read from the environment at run time.</summary>
public sealed class ConfiguredTenantSession(string tenant, TenantConnection connection, string? signInWorkspaceId = null) : ITenantSession
{
    public string Tenant { get; } = tenant;

    public TenantConnection Connection { get; } = connection;

    public static ConfiguredTenantSession Create(string name, ComplianceSettings settings)
    {
        if (!settings.Tenants.TryGetValue(name, out var tenant))
        {
            var known = settings.Tenants.Count == 0 ? "none is configured" : "configured: " + string.Join(", ", settings.Tenants.Keys);
            throw new ConfigurationException($"--tenant: '{name}' is not in appsettings.json Tenants ({known}); use --demo for the built-in demo tenant");
        }

        var key = $"Tenants:{name}";
        var endpoints = Endpoints(tenant, key);
        var tenantId = tenant.TenantId!;
        var clientId = tenant.Auth.ClientId!;
        var credential = tenant.Auth.Mode switch
        {
            AuthMode.Secret => TenantCredentials.ClientSecret(tenantId, clientId, Secret(tenant.Auth, key), endpoints),
            AuthMode.Certificate => TenantCredentials.Certificate(tenantId, clientId, Certificate(tenant.Auth, key), endpoints),
            _ => TenantCredentials.ManagedIdentity(tenant.Auth.ClientId),
        };
        return new ConfiguredTenantSession(name, new TenantConnection(tenantId, endpoints, credential), tenant.SignInWorkspaceId);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    public CollectionOptions Tune(CollectionOptions options) =>
        signInWorkspaceId is null ? options : options with { SignInWorkspace = new LogAnalyticsWorkspace(signInWorkspaceId) };

    private static CloudEndpoints Endpoints(TenantSettings tenant, string key) => tenant.Cloud switch
    {
        CloudKind.Global => CloudEndpoints.Global,
        // National clouds: learn.microsoft.com/graph/deployments (login/graph/outlook hosts per cloud).
        CloudKind.USGov => new CloudEndpoints(
            new Uri("https://login.microsoftonline.us/"), new Uri("https://graph.microsoft.us/"), new Uri("https://outlook.office365.us/"),
            "https://graph.microsoft.us/.default", "https://outlook.office365.us/.default"),
        CloudKind.China => new CloudEndpoints(
            new Uri("https://login.chinacloudapi.cn/"), new Uri("https://microsoftgraph.chinacloudapi.cn/"), new Uri("https://partner.outlook.cn/"),
            "https://microsoftgraph.chinacloudapi.cn/.default", "https://partner.outlook.cn/.default"),
        _ => new CloudEndpoints(
            tenant.Endpoints?.AuthorityHost ?? throw new ConfigurationException($"{key}:Endpoints:AuthorityHost: required for Cloud=Custom"),
            tenant.Endpoints.Graph!, tenant.Endpoints.ExchangeAdmin!,
            "https://graph.microsoft.com/.default", "https://outlook.office365.com/.default"),
    };

    private static string Secret(AuthSettings auth, string key)
    {
        var variable = auth.SecretEnvironmentVariable!;
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrEmpty(value)
            ? throw new ConfigurationException($"{key}:Auth:SecretEnvironmentVariable: environment variable '{variable}' is not set")
            : value;
    }

    private static X509Certificate2 Certificate(AuthSettings auth, string key)
    {
        var path = auth.CertificatePath!;
        if (!File.Exists(path))
        {
            throw new ConfigurationException($"{key}:Auth:CertificatePath: file '{path}' not found");
        }

        var password = auth.CertificatePasswordEnvironmentVariable is { } v ? Environment.GetEnvironmentVariable(v) : null;
        try
        {
            return path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509CertificateLoader.LoadPkcs12FromFile(path, password);
        }
        catch (CryptographicException e)
        {
            throw new ConfigurationException($"{key}:Auth:CertificatePath: '{path}' could not be read as a certificate with private key ({e.GetType().Name})");
        }
    }
}
