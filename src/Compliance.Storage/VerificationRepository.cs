using System.IO.Compression;
using System.Security.Cryptography;
using Dapper;

namespace Compliance.Storage;

/// <summary>Read side of `verify`: published runs, their recorded report hashes, and their stored evidence pages re-hashed.</summary>
public sealed class VerificationRepository(SqliteDatabase database)
{
    private const string RunColumns =
        "id AS Id, tenant AS Tenant, period AS Period, completed_at AS CompletedAt, previous_chain_hash AS PreviousChainHash, " +
        "chain_hash AS ChainHash, evidence_purged_at AS EvidencePurgedAt";

    /// <summary>Published runs in publication order (optionally one tenant).</summary>
    public async Task<IReadOnlyList<PublishedRun>> PublishedRunsAsync(string? tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<PublishedRun>(new CommandDefinition(
            $"SELECT {RunColumns} FROM runs WHERE chain_hash IS NOT NULL AND (@tenant IS NULL OR tenant = @tenant) ORDER BY completed_at, rowid",
            new { tenant },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<PublishedRun?> PublishedRunAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<PublishedRun>(new CommandDefinition(
            $"SELECT {RunColumns} FROM runs WHERE id = @runId AND chain_hash IS NOT NULL", new { runId }, cancellationToken: cancellationToken));
    }

    public async Task<IReadOnlyList<StoredReportFile>> ReportFilesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredReportFile>(new CommandDefinition(
            "SELECT name AS Name, sha256 AS Sha256, bytes AS Bytes FROM report_files WHERE run_id = @runId ORDER BY name",
            new { runId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>
    /// Every stored page of the run: the hash recorded when it was fetched, and the hash and size recomputed now from the
    /// stored gzip body. A body that no longer decompresses counts as changed (recomputed hash "unreadable").
    /// </summary>
    public async IAsyncEnumerable<RehashedPage> RehashPagesAsync(string runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        // The list first, then one body at a time, so memory stays flat however large the run.
        var pages = (await connection.QueryAsync<(string Source, long Sequence, string Sha256, long Bytes)>(new CommandDefinition(
            "SELECT source, sequence, sha256, bytes FROM evidence_pages WHERE run_id = @runId ORDER BY source, sequence",
            new { runId },
            cancellationToken: cancellationToken))).ToList();
        foreach (var page in pages)
        {
            var body = await connection.QuerySingleAsync<byte[]>(new CommandDefinition(
                "SELECT body_gzip FROM evidence_pages WHERE run_id = @runId AND source = @Source AND sequence = @Sequence",
                new { runId, page.Source, page.Sequence },
                cancellationToken: cancellationToken));
            var (sha, bytes) = await RehashAsync(body, cancellationToken);
            yield return new RehashedPage(page.Source, page.Sequence, page.Sha256, page.Bytes, sha, bytes);
        }
    }

    private static async Task<(string Sha256, long Bytes)> RehashAsync(byte[] compressed, CancellationToken cancellationToken)
    {
        try
        {
            await using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
            using var body = new MemoryStream();
            await gzip.CopyToAsync(body, cancellationToken);
            return (Convert.ToHexStringLower(SHA256.HashData(body.ToArray())), body.Length);
        }
        catch (InvalidDataException)
        {
            return ("unreadable", -1);
        }
    }
}
