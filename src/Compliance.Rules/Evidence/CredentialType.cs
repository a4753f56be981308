namespace Compliance.Rules.Evidence;

/// <summary>passwordCredentials are secrets; keyCredentials of type AsymmetricX509Cert are certificates.</summary>
public enum CredentialType
{
    Secret,
    Certificate,
}
