using Dapper;

namespace Compliance.Storage;

/// <summary>
/// The alert outbox (architecture.md §2 step 5). A message is recorded, together with the items it reports, in one
/// transaction before anything is sent; an item already claimed by an earlier message is never claimed again, so the
/// same finding is never alerted twice, and a message recorded before a crash is still pending afterwards.
/// </summary>
public sealed class OutboxRepository(SqliteDatabase database)
{
    private const string Columns =
        "id AS Id, tenant AS Tenant, run_id AS RunId, kind AS Kind, sender AS Sender, subject AS Subject, payload AS Payload, payload_format AS PayloadFormat, " +
        "created_at AS CreatedAt, status AS Status, attempts AS Attempts, next_attempt_at AS NextAttemptAt, last_error AS LastError, sent_at AS SentAt";

    /// <summary>Of <paramref name="itemKeys"/>, those not yet claimed by any alert of the tenant.</summary>
    public async Task<IReadOnlySet<string>> UnclaimedAsync(string tenant, IEnumerable<string> itemKeys, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var claimed = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT item_key FROM alert_items WHERE tenant = @tenant", new { tenant }, cancellationToken: cancellationToken))).ToHashSet(StringComparer.Ordinal);
        return itemKeys.Where(k => !claimed.Contains(k)).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Records <paramref name="message"/> as pending and claims its items. Returns false (and records nothing) when any
    /// item was claimed meanwhile by another composer — the caller recomposes without it.
    /// </summary>
    public async Task<bool> EnqueueAsync(OutboxMessage message, IReadOnlyCollection<string> itemKeys, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var already = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM alert_items WHERE tenant = @Tenant AND item_key IN @itemKeys",
            new { message.Tenant, itemKeys },
            transaction,
            cancellationToken: cancellationToken));
        if (already > 0)
        {
            return false;
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO alert_outbox (id, tenant, run_id, kind, sender, subject, payload, payload_format, created_at, status, attempts, next_attempt_at)
            VALUES (@Id, @Tenant, @RunId, @Kind, @Sender, @Subject, @Payload, @PayloadFormat, @CreatedAt, 'pending', 0, @NextAttemptAt)
            """,
            message,
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO alert_items (tenant, item_key, outbox_id) VALUES (@tenant, @key, @id)",
            itemKeys.Select(key => new { tenant = message.Tenant, key, id = message.Id }),
            transaction,
            cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Pending messages due at <paramref name="now"/>, oldest first (optionally one tenant).</summary>
    public async Task<IReadOnlyList<OutboxMessage>> DueAsync(string? tenant, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"""
            SELECT {Columns} FROM alert_outbox
            WHERE status = 'pending' AND next_attempt_at <= @now AND (@tenant IS NULL OR tenant = @tenant)
            ORDER BY created_at, id
            """,
            new { tenant, now = StoredDate.Write(now.ToUniversalTime()) },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    public async Task<IReadOnlyList<OutboxMessage>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<OutboxMessage>(new CommandDefinition(
            $"SELECT {Columns} FROM alert_outbox ORDER BY created_at, id", cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>202 Accepted: the message will not be sent again.</summary>
    public async Task MarkSentAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_outbox SET status = 'sent', sent_at = @at, attempts = attempts + 1, last_error = NULL WHERE id = @id",
            new { id, at = StoredDate.Write(at) },
            cancellationToken: cancellationToken));
    }

    /// <summary>A transient failure (429/5xx/transport): stays pending until <paramref name="nextAttemptAt"/>.</summary>
    public async Task MarkRetryAsync(string id, DateTimeOffset nextAttemptAt, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_outbox SET attempts = attempts + 1, next_attempt_at = @next, last_error = @error WHERE id = @id",
            new { id, next = StoredDate.Write(nextAttemptAt.ToUniversalTime()), error },
            cancellationToken: cancellationToken));
    }

    /// <summary>A permanent failure (other 4xx, or too many attempts): kept for the operator, never retried automatically.</summary>
    public async Task MarkFailedAsync(string id, string error, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE alert_outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id",
            new { id, error },
            cancellationToken: cancellationToken));
    }
}
