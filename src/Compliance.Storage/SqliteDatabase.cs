using Microsoft.Data.Sqlite;

namespace Compliance.Storage;

/// <summary>
/// The evidence database file. It holds personal data (UPNs, IPs), so it is created owner-only (0600)
/// before SQLite first opens it (architecture.md §6), runs in WAL mode and is migrated on open.
/// </summary>
public sealed class SqliteDatabase
{
    private readonly string connectionString;

    private SqliteDatabase(string path)
    {
        Path = path;
        connectionString = new SqliteConnectionStringBuilder { DataSource = path, Pooling = true }.ToString();
    }

    public string Path { get; }

    public static async Task<SqliteDatabase> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        CreateOwnerOnly(full);
        var database = new SqliteDatabase(full);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await Migrator.MigrateAsync(connection, cancellationToken);
        return database;
    }

    public async Task<SqliteConnection> ConnectAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        await pragma.ExecuteNonQueryAsync(cancellationToken);
        return connection;
    }

    /// <summary>A connection for synchronous readers (evidence streamed to the rules and report writers, which are synchronous).</summary>
    public SqliteConnection Connect()
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        using var pragma = connection.CreateCommand();
        pragma.CommandText = Pragmas;
        pragma.ExecuteNonQuery();
        return connection;
    }

    // busy_timeout: a second process (worker + CLI) waits for the writer instead of failing.
    private const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=10000;";

    private static void CreateOwnerOnly(string path)
    {
        if (File.Exists(path))
        {
            return;
        }

        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var _ = new FileStream(path, options);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created it first; its mode was set by the same code path.
        }
    }
}
