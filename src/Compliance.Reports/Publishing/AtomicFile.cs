namespace Compliance.Reports;

/// <summary>
/// Writes a file so that readers only ever see the old content or the complete new content
/// (contract.md: "a crash never leaves a half report").
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Runs <paramref name="write"/> against a temporary file in the target's directory (same volume,
    /// so the final rename is atomic), flushes it to disk, then renames it over <paramref name="path"/>.
    /// On any failure the temporary file is deleted and an existing target is left untouched; temporary files of an
    /// earlier writer that was killed are removed first.
    /// </summary>
    public static async Task WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        var staged = await StagedFile.WriteAsync(path, write, ct);
        await using (staged)
        {
            ct.ThrowIfCancellationRequested();
            staged.Publish();
        }
    }
}
