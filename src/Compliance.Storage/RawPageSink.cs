using System.IO.Compression;
using Compliance.Rules.Evidence;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Compliance.Storage;

/// <summary>
/// Keeps every raw page of a run, gzip-compressed, with its SHA-256. Collectors run concurrently and a
/// SQLite connection is not thread-safe, so writes go through one connection behind a lock.
/// </summary>
public sealed class RawPageSink(SqliteDatabase database, string runId) : IRawEvidenceSink, IAsyncDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private SqliteConnection? connection;

    public async ValueTask WriteAsync(RawPage page, CancellationToken cancellationToken)
    {
        var compressed = Compress(page.Body.Span);
        await gate.WaitAsync(cancellationToken);
        try
        {
            connection ??= await database.ConnectAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO evidence_pages (run_id, source, sequence, method, request_uri, status_code, sha256, bytes, fetched_at, body_gzip)
                VALUES (@runId, @Source, @Sequence, @Method, @RequestUri, @StatusCode, @Sha256, @bytes, @fetchedAt, @compressed)
                """,
                new
                {
                    runId, page.Source, page.Sequence, page.Method, page.RequestUri, page.StatusCode, page.Sha256,
                    bytes = page.Body.Length, fetchedAt = StoredDate.Write(page.FetchedAt), compressed,
                },
                cancellationToken: cancellationToken));
        }
        finally
        {
            gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (connection is not null)
        {
            await connection.DisposeAsync();
        }

        gate.Dispose();
    }

    private static byte[] Compress(ReadOnlySpan<byte> body)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return buffer.ToArray();
    }
}
