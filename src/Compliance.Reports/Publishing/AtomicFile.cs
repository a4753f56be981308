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
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);

        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        // Leading dot and .tmp suffix: hidden from a casual listing and never matches a report name.
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Path.GetRandomFileName()}.tmp");
        StaleTemporaryFiles.Sweep(directory, $".{Path.GetFileName(fullPath)}.*.tmp");

        try
        {
            var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
            await using (stream)
            {
                await write(stream, ct);
                await stream.FlushAsync(ct);
                // Without this the rename can reach the disk before the data does.
                stream.Flush(flushToDisk: true);
            }

            ct.ThrowIfCancellationRequested();
            File.Move(temp, fullPath, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // Best effort: the original failure is the one worth reporting.
        }
        catch (UnauthorizedAccessException)
        {
            // Same as above.
        }
    }
}
