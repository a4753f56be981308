namespace Compliance.Storage;

/// <summary>A credential of a run's evidence that ends within the warning window.</summary>
public sealed record ExpiringCredentialRow(string AppId, string? AppName, string KeyId, string Type, string? DisplayName, string EndDateTime);
