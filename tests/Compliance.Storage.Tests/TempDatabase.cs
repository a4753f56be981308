namespace Compliance.Storage.Tests;

/// <summary>A database file in a fresh temporary folder, removed afterwards.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Folder = Directory.CreateTempSubdirectory("compliance-storage-").FullName;
        Path = System.IO.Path.Combine(Folder, "sub", "compliance.db");
    }

    public string Folder { get; }

    public string Path { get; }

    public Task<SqliteDatabase> OpenAsync() => SqliteDatabase.OpenAsync(Path, CancellationToken.None);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
    }
}
