using Dapper;

namespace Compliance.Storage.Tests;

public class SqliteDatabaseTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task New_database_file_is_owner_only_and_in_wal_mode()
    {
        using var temp = new TempDatabase();
        var database = await temp.OpenAsync();
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.Path));
        await using var connection = await database.ConnectAsync(CancellationToken.None);
        Assert.Equal("wal", await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode"));
    }

    [Fact]
    public async Task Migrations_apply_once_in_order_and_reopening_is_harmless()
    {
        using var temp = new TempDatabase();
        await temp.OpenAsync();
        var database = await temp.OpenAsync();
        await using var connection = await database.ConnectAsync(CancellationToken.None);
        var versions = (await connection.QueryAsync<long>("SELECT version FROM schema_migrations ORDER BY version")).ToList();
        Assert.Equal(Migrator.Scripts().Select(s => s.Version), versions);
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM sqlite_master WHERE name = 'findings'"));
    }
}
