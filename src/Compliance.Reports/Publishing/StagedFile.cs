using System.Security.Cryptography;

namespace Compliance.Reports;

/// <summary>
/// A file's new content waiting under a temporary name in the target's directory (same volume, so the rename is atomic)
/// until <see cref="Publish"/> renames it over the target. Lets a caller record something durable between writing and
/// renaming — `attest` commits the sign-off that covers the new bytes — and renames only after that. Disposing an
/// unpublished file deletes it, leaving the target untouched; temporary files of an earlier writer that was killed are
/// removed first (<see cref="StaleTemporaryFiles"/>).
/// </summary>
public sealed class StagedFile : IAsyncDisposable
{
    private readonly string _temp;
    private bool _published;

    private StagedFile(string target, string temp)
    {
        Target = target;
        _temp = temp;
    }

    /// <summary>The file the staged content replaces when published.</summary>
    public string Target { get; }

    /// <summary>Writes the content to a temporary file next to <paramref name="path"/> and flushes it to disk.</summary>
    public static async Task<StagedFile> WriteAsync(string path, Func<Stream, CancellationToken, Task> write, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(write);

        var fullPath = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(fullPath)
            ?? throw new ArgumentException($"'{path}' has no directory.", nameof(path));
        // Leading dot and .tmp suffix: hidden from a casual listing and never matches a report name.
        var temp = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Path.GetRandomFileName()}.tmp");
        StaleTemporaryFiles.Sweep(directory, $".{Path.GetFileName(fullPath)}.*.tmp");

        var staged = new StagedFile(fullPath, temp);
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

            return staged;
        }
        catch
        {
            await staged.DisposeAsync();
            throw;
        }
    }

    /// <summary>SHA-256 (lowercase hex) and size of the staged content, read back from the disk it was flushed to.</summary>
    public async Task<(string Sha256, long Bytes)> HashAsync(CancellationToken ct)
    {
        var stream = new FileStream(_temp, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, FileOptions.Asynchronous);
        await using (stream)
        {
            return (Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct)), stream.Length);
        }
    }

    /// <summary>Renames the staged content over the target.</summary>
    public void Publish()
    {
        ObjectDisposedException.ThrowIf(_published, this);
        File.Move(_temp, Target, overwrite: true);
        _published = true;
    }

    public ValueTask DisposeAsync()
    {
        if (!_published)
        {
            TryDelete(_temp);
        }

        return ValueTask.CompletedTask;
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
