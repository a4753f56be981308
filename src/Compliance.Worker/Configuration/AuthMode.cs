namespace Compliance.Worker.Configuration;

public enum AuthMode
{
    Certificate,
    Secret,
    ManagedIdentity,
}
