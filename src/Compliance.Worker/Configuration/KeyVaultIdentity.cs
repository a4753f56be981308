namespace Compliance.Worker.Configuration;

/// <summary>The identity that reads Auth:KeyVaultUri — not the audited app registration, whose secret is in the vault.</summary>
public enum KeyVaultIdentity
{
    /// <summary>The host's managed identity (system-assigned, or Auth:KeyVaultManagedIdentityClientId).</summary>
    ManagedIdentity,

    /// <summary>Azure.Identity's EnvironmentCredential: AZURE_TENANT_ID, AZURE_CLIENT_ID and AZURE_CLIENT_SECRET or AZURE_CLIENT_CERTIFICATE_PATH.</summary>
    Environment,
}
