namespace Compliance.Worker.Scheduling;

/// <summary>
/// One active scheduler per database. Quartz refuses clustered mode on SQLite ("SQLite cannot be used as clustered
/// mode due to locking problems", measured with 4.7.3), and two non-clustered schedulers on one job store would both
/// fire every trigger. So a worker takes an exclusive lock on "&lt;database&gt;.worker.lock" before starting Quartz; a
/// second worker waits as a standby and takes over when the first exits or dies (the kernel drops the lock of a dead
/// process). .NET implements FileShare.None on Unix with flock(2), which works across processes on a local file system.
/// Several machines need Quartz clustering on PostgreSQL instead (architecture.md §5).
/// </summary>
public sealed class WorkerLock : IDisposable
{
    private readonly FileStream stream;

    private WorkerLock(FileStream stream) => this.stream = stream;

    public static string PathFor(string databasePath) => System.IO.Path.GetFullPath(databasePath) + ".worker.lock";

    /// <summary>The lock, or null while another worker holds it.</summary>
    public static WorkerLock? TryAcquire(string databasePath)
    {
        var options = new FileStreamOptions { Mode = FileMode.OpenOrCreate, Access = FileAccess.ReadWrite, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        var path = PathFor(databasePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        try
        {
            var stream = new FileStream(path, options);
            stream.SetLength(0);
            stream.Write(System.Text.Encoding.ASCII.GetBytes($"{Environment.ProcessId}\n"));
            stream.Flush();
            return new WorkerLock(stream);
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Waits (polling every <paramref name="poll"/>) until the lock is free, then holds it.</summary>
    public static async Task<WorkerLock> AcquireAsync(string databasePath, TimeSpan poll, TimeProvider time, Action onWaiting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(onWaiting);
        var waiting = false;
        while (true)
        {
            if (TryAcquire(databasePath) is { } acquired)
            {
                return acquired;
            }

            if (!waiting)
            {
                onWaiting();
                waiting = true;
            }

            await Task.Delay(poll, time, cancellationToken);
        }
    }

    public void Dispose() => stream.Dispose();
}
