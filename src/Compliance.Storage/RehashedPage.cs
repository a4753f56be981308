namespace Compliance.Storage;

/// <summary>A stored evidence page: the hash recorded at fetch time next to the hash of the body as stored now.</summary>
public sealed record RehashedPage(string Source, long Sequence, string RecordedSha256, long RecordedBytes, string CurrentSha256, long CurrentBytes)
{
    public bool Unchanged => string.Equals(RecordedSha256, CurrentSha256, StringComparison.OrdinalIgnoreCase) && RecordedBytes == CurrentBytes;
}
