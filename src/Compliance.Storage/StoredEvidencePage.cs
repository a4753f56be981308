namespace Compliance.Storage;

/// <summary>Hash and size of a kept evidence page, for the manifest.</summary>
public sealed record StoredEvidencePage(string Source, long Sequence, string Sha256, long Bytes);
