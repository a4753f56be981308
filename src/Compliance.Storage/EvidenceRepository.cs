using System.IO.Compression;
using Compliance.Rules.Evidence;
using Dapper;

namespace Compliance.Storage;

/// <summary>Normalised evidence rows and raw page hashes of a run.</summary>
public sealed class EvidenceRepository(SqliteDatabase database)
{
    public async Task SaveAsync(string runId, EvidenceSnapshot evidence, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        async Task Insert(string sql, object rows) =>
            await connection.ExecuteAsync(new CommandDefinition(sql, rows, transaction, cancellationToken: cancellationToken));

        await Insert(
            """
            INSERT INTO source_results (run_id, name, state, reason, records, requests, duration_ms, pages, retries, throttled)
            VALUES (@runId, @Name, @State, @Reason, @Records, @Requests, @DurationMs, @Pages, @Retries, @Throttled)
            """,
            evidence.Sources.Select(s => new { runId, s.Name, State = s.State.ToString(), s.Reason, s.Records, s.Requests, s.DurationMs, s.Pages, s.Retries, s.Throttled }));
        await Insert(
            "INSERT INTO applications VALUES (@runId, @ObjectId, @AppId, @DisplayName)",
            evidence.Applications.Select(a => new { runId, a.ObjectId, a.AppId, a.DisplayName }));
        await Insert(
            "INSERT INTO service_principals VALUES (@runId, @ObjectId, @AppId, @DisplayName, @ServicePrincipalType, @AccountEnabled)",
            evidence.ServicePrincipals.Select(p => new { runId, p.ObjectId, p.AppId, p.DisplayName, p.ServicePrincipalType, p.AccountEnabled }));
        var credentials = evidence.Applications.SelectMany(a => a.Credentials.Select(c => (a.AppId, c)))
            .Concat(evidence.ServicePrincipals.SelectMany(p => p.Credentials.Select(c => (p.AppId, c))));
        await Insert(
            "INSERT OR IGNORE INTO credentials VALUES (@runId, @AppId, @Holder, @KeyId, @Type, @DisplayName, @Start, @End)",
            credentials.Select(x => new
            {
                runId, x.AppId, Holder = x.c.Holder.ToString(), x.c.KeyId, Type = x.c.Type.ToString(), x.c.DisplayName,
                Start = StoredDate.Write(x.c.StartDateTime), End = StoredDate.Write(x.c.EndDateTime),
            }));
        await Insert(
            "INSERT INTO app_role_grants VALUES (@runId, @Id, @PrincipalId, @PrincipalDisplayName, @ResourceId, @ResourceAppId, @ResourceDisplayName, @AppRoleId, @AppRoleValue, @Created)",
            evidence.AppRoleGrants.Select(g => new
            {
                runId, g.Id, g.PrincipalId, g.PrincipalDisplayName, g.ResourceId, g.ResourceAppId, g.ResourceDisplayName, g.AppRoleId, g.AppRoleValue,
                Created = StoredDate.Write(g.CreatedDateTime),
            }));
        await Insert(
            "INSERT INTO access_policies VALUES (@runId, @Identity, @AppId, @AccessRight, @ScopeName, @ScopeIdentity, @Description)",
            evidence.AccessPolicies.Select(p => new { runId, p.Identity, p.AppId, AccessRight = p.AccessRight.ToString(), p.ScopeName, p.ScopeIdentity, p.Description }));
        await Insert(
            "INSERT OR IGNORE INTO exchange_role_assignments VALUES (@runId, @Id, @RoleName, @PrincipalObjectId, @ScopeType, @ScopeId, @Enabled)",
            evidence.ExchangeRoleAssignments.Select(a => new { runId, a.Id, a.RoleName, a.PrincipalObjectId, ScopeType = a.ScopeType.ToString(), a.ScopeId, a.Enabled }));
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The application permissions a run recorded (PERM-003's baseline when that run was attested).</summary>
    public async Task<PermissionBaseline> PermissionsAsync(string runId, DateTimeOffset attestedAt, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var grants = await connection.QueryAsync<StoredGrant>(new CommandDefinition(
            """
            SELECT id AS Id, principal_id AS PrincipalId, principal_display_name AS PrincipalDisplayName, resource_id AS ResourceId,
                   resource_app_id AS ResourceAppId, resource_display_name AS ResourceDisplayName, app_role_id AS AppRoleId,
                   app_role_value AS AppRoleValue, created_date_time AS CreatedDateTime
            FROM app_role_grants WHERE run_id = @runId
            """,
            new { runId },
            cancellationToken: cancellationToken));
        var assignments = await connection.QueryAsync<StoredRoleAssignment>(new CommandDefinition(
            """
            SELECT id AS Id, role_name AS RoleName, principal_object_id AS PrincipalObjectId, scope_type AS ScopeType, scope_id AS ScopeId, enabled AS Enabled
            FROM exchange_role_assignments WHERE run_id = @runId
            """,
            new { runId },
            cancellationToken: cancellationToken));
        return new PermissionBaseline(
            runId,
            attestedAt,
            grants.Select(g => new AppRoleGrant(g.Id, g.PrincipalId, g.PrincipalDisplayName, g.ResourceId, g.ResourceAppId, g.ResourceDisplayName,
                g.AppRoleId, g.AppRoleValue, StoredDate.Read(g.CreatedDateTime))).ToList(),
            assignments.Select(a => new ExchangeRoleAssignment(a.Id, a.RoleName, a.PrincipalObjectId, Enum.Parse<ExchangeScopeType>(a.ScopeType), a.ScopeId, a.Enabled != 0)).ToList());
    }

    public async Task<IReadOnlyList<StoredEvidencePage>> PageHashesAsync(string runId, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var rows = await connection.QueryAsync<StoredEvidencePage>(new CommandDefinition(
            "SELECT source AS Source, sequence AS Sequence, sha256 AS Sha256, bytes AS Bytes FROM evidence_pages WHERE run_id = @runId ORDER BY source, sequence",
            new { runId },
            cancellationToken: cancellationToken));
        return rows.ToList();
    }

    /// <summary>The uncompressed body of one kept page (for verification and re-evaluation).</summary>
    public async Task<byte[]?> PageBodyAsync(string runId, string source, long sequence, CancellationToken cancellationToken)
    {
        await using var connection = await database.ConnectAsync(cancellationToken);
        var compressed = await connection.QuerySingleOrDefaultAsync<byte[]>(new CommandDefinition(
            "SELECT body_gzip FROM evidence_pages WHERE run_id = @runId AND source = @source AND sequence = @sequence",
            new { runId, source, sequence },
            cancellationToken: cancellationToken));
        if (compressed is null)
        {
            return null;
        }

        using var gzip = new GZipStream(new MemoryStream(compressed), CompressionMode.Decompress);
        using var output = new MemoryStream();
        await gzip.CopyToAsync(output, cancellationToken);
        return output.ToArray();
    }

    private sealed class StoredGrant
    {
        public string Id { get; set; } = "";

        public string PrincipalId { get; set; } = "";

        public string? PrincipalDisplayName { get; set; }

        public string ResourceId { get; set; } = "";

        public string ResourceAppId { get; set; } = "";

        public string? ResourceDisplayName { get; set; }

        public string AppRoleId { get; set; } = "";

        public string? AppRoleValue { get; set; }

        public string? CreatedDateTime { get; set; }
    }

    private sealed class StoredRoleAssignment
    {
        public string Id { get; set; } = "";

        public string RoleName { get; set; } = "";

        public string PrincipalObjectId { get; set; } = "";

        public string ScopeType { get; set; } = "";

        public string? ScopeId { get; set; }

        public long Enabled { get; set; }
    }
}
