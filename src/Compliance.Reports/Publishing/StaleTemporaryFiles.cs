namespace Compliance.Reports;

/// <summary>
/// Removes temporary files that a killed process left behind (SIGKILL or power loss skip every finally block and
/// DeleteOnClose; the crash drill in tests/drills.sh found them). A file still being written is never touched: writers
/// open their temporary files with FileShare.None, which .NET on Unix backs with an advisory flock that the kernel
/// drops when the writing process dies — so a file that can be opened exclusively has no living writer.
/// </summary>
public static class StaleTemporaryFiles
{
    /// <summary>Deletes the files in <paramref name="directory"/> matching <paramref name="pattern"/> that no process holds; returns how many.</summary>
    public static int Sweep(string directory, string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        if (!Directory.Exists(directory))
        {
            return 0;
        }

        var removed = 0;
        foreach (var path in Directory.EnumerateFiles(directory, pattern))
        {
            try
            {
                using (new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
                {
                    // Opened exclusively: nobody is writing it.
                }

                File.Delete(path);
                removed++;
            }
            catch (IOException)
            {
                // Locked by a living writer, or gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to remove.
            }
        }

        return removed;
    }
}
