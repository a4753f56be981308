using Compliance.Rules.Engine;
using Dapper;

namespace Compliance.Storage;

/// <summary>The waiver register: add, list, revoke, and the waivers that apply to a tenant's run.</summary>
public sealed class WaiverRepository(SqliteDatabase database)
{
    private const string Columns =
        "id AS Id, tenant AS Tenant, rule_id AS RuleId, resource_id AS ResourceId, fingerprint AS Fingerprint, reason AS Reason, " +
        "approver AS Approver, ticket AS Ticket, created_at AS CreatedAt, until AS Until, revoked_at AS RevokedAt";

    public async Task AddAsync(Waiver waiver, string? tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO waivers (id, tenant, rule_id, resource_id, fingerprint, reason, approver, ticket, created_at, until, revoked_at)
            VALUES (@Id, @tenant, @RuleId, @ResourceId, @Fingerprint, @Reason, @Approver, @Ticket, @CreatedAt, @Until, NULL)
            """,
            new
            {
                waiver.Id, tenant, waiver.RuleId, waiver.ResourceId, waiver.Fingerprint, waiver.Reason, waiver.Approver, waiver.Ticket,
                CreatedAt = StoredDate.Write(waiver.CreatedAt), Until = StoredDate.Write(waiver.Until),
            },
            cancellationToken: cancellationToken));
    }

    /// <summary>Every waiver, newest first (optionally of one tenant, including tenant-independent ones).</summary>
    public async Task<IReadOnlyList<Waiver>> ListAsync(string? tenant, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredWaiver>(new CommandDefinition(
            $"SELECT {Columns} FROM waivers WHERE @tenant IS NULL OR tenant IS NULL OR tenant = @tenant ORDER BY created_at DESC, id",
            new { tenant },
            cancellationToken: cancellationToken));
        return rows.Select(ToWaiver).ToList();
    }

    /// <summary>Revokes a waiver; false when no such (unrevoked) waiver exists.</summary>
    public async Task<bool> RevokeAsync(string id, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE waivers SET revoked_at = @at WHERE id = @id AND revoked_at IS NULL",
            new { id, at = StoredDate.Write(at) },
            cancellationToken: cancellationToken));
        return changed == 1;
    }

    private static Waiver ToWaiver(StoredWaiver row) =>
        new(row.Id, row.RuleId, row.ResourceId, row.Fingerprint, row.Reason, row.Approver, row.Ticket,
            StoredDate.Read(row.CreatedAt)!.Value, StoredDate.Read(row.Until)!.Value, StoredDate.Read(row.RevokedAt));
}
