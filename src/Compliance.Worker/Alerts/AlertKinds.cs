namespace Compliance.Worker.Alerts;

public static class AlertKinds
{
    public const string Daily = "daily";
    public const string CredentialDigest = "credential-digest";
}
