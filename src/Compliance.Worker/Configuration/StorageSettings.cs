namespace Compliance.Worker.Configuration;

public sealed class StorageSettings
{
    /// <summary>SQLite file; relative paths are resolved against the current directory.</summary>
    public string DatabasePath { get; set; } = "data/compliance.db";

    /// <summary>Evidence older than this is purged (findings and attestations are kept).</summary>
    public int RetentionMonths { get; set; } = 24;
}
