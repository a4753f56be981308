namespace Compliance.Collectors.Secrets;

/// <summary>A referenced secret could not be read. The message says where and why, and never carries a secret value.</summary>
public sealed class SecretUnavailableException(string message) : Exception(message);
