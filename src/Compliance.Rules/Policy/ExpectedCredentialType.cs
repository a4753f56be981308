namespace Compliance.Rules.Policy;

public enum ExpectedCredentialType
{
    Secret,
    Certificate,
}
