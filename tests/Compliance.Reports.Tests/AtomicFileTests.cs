namespace Compliance.Reports.Tests;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("atomic-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Writes_the_content_and_leaves_no_temp_file()
    {
        var path = Path.Combine(_dir, "out.txt");
        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("hello"u8.ToArray(), ct).AsTask(), CancellationToken.None);

        Assert.Equal("hello", await File.ReadAllTextAsync(path));
        Assert.Equal(["out.txt"], Directory.GetFiles(_dir).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Temp_files_of_a_killed_writer_are_removed_but_not_those_of_a_living_one()
    {
        var path = Path.Combine(_dir, "out.txt");
        // A writer killed with SIGKILL leaves its temporary file and no lock; a living one holds its file exclusively.
        var orphan = Path.Combine(_dir, ".out.txt.killed01.tmp");
        await File.WriteAllTextAsync(orphan, "half of an old report");
        var living = Path.Combine(_dir, ".out.txt.living01.tmp");
        await using (var held = new FileStream(living, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("hello"u8.ToArray(), ct).AsTask(), CancellationToken.None);

            Assert.False(File.Exists(orphan));
            Assert.True(File.Exists(living));
        }

        Assert.Equal("hello", await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task A_failing_writer_leaves_no_target_and_no_temp_file()
    {
        var path = Path.Combine(_dir, "out.txt");
        await Assert.ThrowsAsync<InvalidOperationException>(() => AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("half"u8.ToArray(), ct);
            throw new InvalidOperationException("boom");
        }, CancellationToken.None));

        Assert.Empty(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task An_existing_target_is_replaced_only_on_success()
    {
        var path = Path.Combine(_dir, "out.txt");
        await File.WriteAllTextAsync(path, "old");

        await Assert.ThrowsAsync<IOException>(() => AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("new but broken"u8.ToArray(), ct);
            throw new IOException("disk full");
        }, CancellationToken.None));
        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_dir));

        await AtomicFile.WriteAsync(path, (s, ct) => s.WriteAsync("new"u8.ToArray(), ct).AsTask(), CancellationToken.None);
        Assert.Equal("new", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_dir));
    }

    [Fact]
    public async Task Cancellation_leaves_the_old_file()
    {
        var path = Path.Combine(_dir, "out.txt");
        await File.WriteAllTextAsync(path, "old");
        using var cts = new CancellationTokenSource();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => AtomicFile.WriteAsync(path, async (s, ct) =>
        {
            await s.WriteAsync("new"u8.ToArray(), ct);
            await cts.CancelAsync();
        }, cts.Token));

        Assert.Equal("old", await File.ReadAllTextAsync(path));
        Assert.Single(Directory.GetFiles(_dir));
    }
}
