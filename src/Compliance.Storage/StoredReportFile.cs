namespace Compliance.Storage;

/// <summary>A published report file's name, hash and size as recorded at publication.</summary>
public sealed record StoredReportFile(string Name, string Sha256, long Bytes);
