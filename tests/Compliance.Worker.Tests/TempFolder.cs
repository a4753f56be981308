namespace Compliance.Worker.Tests;

/// <summary>A fresh temporary folder, removed afterwards.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("compliance-test-").FullName;

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
