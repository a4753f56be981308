namespace Compliance.TenantSimulator.Model;

public sealed record SimApplication(
    string ObjectId,
    string AppId,
    string DisplayName,
    DateTimeOffset CreatedDateTime,
    IReadOnlyList<SimCredential> Credentials);
