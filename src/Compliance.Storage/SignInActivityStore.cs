using Compliance.Rules.Evidence;
using Dapper;

namespace Compliance.Storage;

/// <summary>
/// The stored sign-in activity report (Migrations/0012_sign_in_activity.sql). A read is saved in one transaction —
/// entries and read time together — so a run that fails half-way leaves the previous copy and its time in force, and
/// the next run reads again from that time: nothing is skipped.
/// </summary>
public sealed class SignInActivityStore(SqliteDatabase database) : ISignInActivityStore
{
    private const int WriteWaitSeconds = 300;

    public async Task<SignInActivityCopy?> ReadAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var readAt = await connection.QuerySingleOrDefaultAsync<string?>(new CommandDefinition(
            "SELECT read_at FROM sign_in_activity_reads WHERE tenant_id = @tenantId", new { tenantId }, cancellationToken: cancellationToken));
        if (readAt is null)
        {
            return null;
        }

        var rows = await connection.QueryAsync<(string AppId, string? LastSignIn, string? LastAppOnlySignIn)>(new CommandDefinition(
            """
            SELECT app_id AS AppId, last_sign_in AS LastSignIn, last_app_only_sign_in AS LastAppOnlySignIn
            FROM sign_in_activity_entries WHERE tenant_id = @tenantId ORDER BY app_id
            """,
            new { tenantId }, cancellationToken: cancellationToken));
        return new SignInActivityCopy(
            StoredDate.Read(readAt)!.Value,
            rows.Select(r => new ServicePrincipalSignInActivity(r.AppId, StoredDate.Read(r.LastAppOnlySignIn), StoredDate.Read(r.LastSignIn))).ToList());
    }

    public async Task SaveAsync(
        string tenantId, DateTimeOffset readAt, bool replaceAll, IReadOnlyCollection<ServicePrincipalSignInActivity> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        await using var connection = await database.ConnectAsync(cancellationToken);
        // The save runs while directory sources commit their delta rounds (100,000 objects on a large tenant, one
        // transaction each). Microsoft.Data.Sqlite retries a busy database until the command timeout, 30 s by default;
        // measured on the large tenant at load average 17 on 2 cores, that was not enough ("database is locked").
        connection.DefaultTimeout = WriteWaitSeconds;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (replaceAll)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM sign_in_activity_entries WHERE tenant_id = @tenantId", new { tenantId }, transaction, cancellationToken: cancellationToken));
        }

        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sign_in_activity_entries (tenant_id, app_id, last_sign_in, last_app_only_sign_in) VALUES (@tenantId, @AppId, @lastSignIn, @lastAppOnly)
            ON CONFLICT (tenant_id, app_id) DO UPDATE SET last_sign_in = excluded.last_sign_in, last_app_only_sign_in = excluded.last_app_only_sign_in
            """,
            entries.Select(e => new { tenantId, e.AppId, lastSignIn = Utc(e.LastSignIn), lastAppOnly = Utc(e.LastAppOnlySignIn) }),
            transaction,
            cancellationToken: cancellationToken));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO sign_in_activity_reads (tenant_id, read_at) VALUES (@tenantId, @at)
            ON CONFLICT (tenant_id) DO UPDATE SET read_at = excluded.read_at
            """,
            new { tenantId, at = Utc(readAt) }, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
    }

    private static string? Utc(DateTimeOffset? value) => StoredDate.Write(value?.ToUniversalTime());
}
