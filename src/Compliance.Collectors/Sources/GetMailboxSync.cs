using System.Globalization;
using System.Text;
using System.Text.Json;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Get-Mailbox rows kept in step across runs. Exchange has no delta function, but Get-Mailbox and Get-User filter on
/// WhenChangedUTC (learn: exchange "Filterable properties for the Filter parameter on Exchange cmdlets"). The first run
/// reads every mailbox and stores the rows with a watermark — the latest WhenChangedUTC Exchange reported, so no
/// clock but Exchange's is compared — in the directory store as a pseudo checkpoint. A later run asks for what changed
/// since the watermark less <see cref="Overlap"/>: Get-Mailbox -Filter "WhenChangedUTC -ge …" for new and changed
/// mailboxes; Get-User with the same filter for users whose mailbox was converted to a mail user or disabled — Get-User
/// returns every user account, mailbox or not (learn: exchange Get-User), while Get-Recipient returns only
/// mail-enabled objects (learn: exchange Get-Recipient) and would miss a disabled one; and Get-Mailbox
/// -SoftDeletedMailbox -Filter "WhenSoftDeleted -ge …" for deleted ones (learn: exchange Get-Mailbox, -SoftDeletedMailbox;
/// WhenSoftDeleted "requires the SoftDeleted switch"). Removals are applied first and changed mailboxes last, so a
/// mailbox deleted and made again stays. A copy older than <see cref="Lifetime"/> (Graph's bound for directory delta
/// tokens, kept here alike) or unreadable is replaced by a full read, counted as a resync. A run that fails saves
/// nothing: the stored copy stays in force.
/// </summary>
internal sealed class GetMailboxSync(IDirectoryDeltaStore? store, string tenantId, SourceContext source)
{
    /// <summary>
    /// Changes are re-read this far before the watermark: Exchange Online's directory replicates between domain
    /// controllers with a delay Microsoft does not bound, so a change stamped just before the watermark may become
    /// visible only after it. Re-reading an hour of changes costs one page.
    /// </summary>
    public static readonly TimeSpan Overlap = TimeSpan.FromHours(1);

    private static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private const string WatermarkPrefix = "exchange:Get-Mailbox?WhenChangedUTC=";

    /// <summary>The properties the mailbox records read (MailboxesCollector) and the watermark: all that is stored of a row.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.OrdinalIgnoreCase)
    {
        "ExternalDirectoryObjectId", "ExchangeGuid", "PrimarySmtpAddress", "Alias", "Name", "DisplayName", "RecipientTypeDetails", "AuditEnabled",
        "EmailAddresses", "Office", "DistinguishedName", "WhenChangedUTC",
        "CustomAttribute1", "CustomAttribute2", "CustomAttribute3", "CustomAttribute4", "CustomAttribute5", "CustomAttribute6", "CustomAttribute7",
        "CustomAttribute8", "CustomAttribute9", "CustomAttribute10", "CustomAttribute11", "CustomAttribute12", "CustomAttribute13", "CustomAttribute14",
        "CustomAttribute15",
    };

    /// <summary>The store's key for the rows: the source's own key holds its Graph users' delta checkpoint.</summary>
    private string Key => source.Name + ":Get-Mailbox";

    /// <summary>Every mailbox row (UTF-8 JSON, the kept properties), ordered by key, after this run.</summary>
    public async Task<IReadOnlyList<byte[]>> SyncAsync(ExchangeAdminClient client, CancellationToken ct)
    {
        var checkpoint = store is null ? null : await store.CheckpointAsync(tenantId, Key, ct);
        var watermark = checkpoint is null ? null : Watermark(checkpoint.DeltaLink);
        if (checkpoint is not null && watermark is { } since && source.Time.GetUtcNow() - checkpoint.ReceivedAt < Lifetime)
        {
            return await IncrementalAsync(client, since, ct);
        }

        if (checkpoint is not null)
        {
            source.CountResync();
        }

        return await FullAsync(client, ct);
    }

    private async Task<IReadOnlyList<byte[]>> FullAsync(ExchangeAdminClient client, CancellationToken ct)
    {
        var rows = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        var unkeyed = new List<byte[]>();
        DateTimeOffset? watermark = null;
        await foreach (var row in client.StreamAsync("Get-Mailbox", new Dictionary<string, object> { ["ResultSize"] = "Unlimited" }, ct))
        {
            watermark = Later(watermark, row);
            if (RowKey(row) is { } key)
            {
                rows[key] = Slim(row);
            }
            else
            {
                unkeyed.Add(Slim(row));
            }
        }

        // A row with no identity cannot be merged later: then nothing is stored and the next run reads in full again.
        if (store is not null && watermark is { } mark && unkeyed.Count == 0)
        {
            await store.SaveAsync(tenantId, Key, Checkpoint(mark), true, Rows(rows), [], ct);
        }

        return [.. Ordered(rows), .. unkeyed];
    }

    private async Task<IReadOnlyList<byte[]>> IncrementalAsync(ExchangeAdminClient client, DateTimeOffset since, CancellationToken ct)
    {
        var rows = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in store!.ReadAsync(tenantId, Key, ct))
        {
            rows[row.Id] = Encoding.UTF8.GetBytes(row.Json);
        }

        // Exchange's own filter examples write dates this way (learn: exchange filter-properties, WhenChangedUTC).
        var from = (since - Overlap).UtcDateTime.ToString("M/d/yyyy h:mm:ss tt", CultureInfo.InvariantCulture);
        var removed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var deleted = new Dictionary<string, object> { ["SoftDeletedMailbox"] = true, ["Filter"] = $"WhenSoftDeleted -ge '{from}'", ["ResultSize"] = "Unlimited" };
        await foreach (var row in client.StreamAsync("Get-Mailbox", deleted, ct))
        {
            Add(removed, RowKey(row));
        }

        var watermark = (DateTimeOffset?)since;
        var changedSince = new Dictionary<string, object> { ["Filter"] = $"WhenChangedUTC -ge '{from}'", ["ResultSize"] = "Unlimited" };
        await foreach (var row in client.StreamAsync("Get-User", changedSince, ct))
        {
            watermark = Later(watermark, row);
            if (!string.Equals(ExchangeRow.Text(row, "RecipientType"), "UserMailbox", StringComparison.OrdinalIgnoreCase))
            {
                Add(removed, RowKey(row));
            }
        }

        var upserts = new Dictionary<string, byte[]>(StringComparer.OrdinalIgnoreCase);
        await foreach (var row in client.StreamAsync("Get-Mailbox", changedSince, ct))
        {
            watermark = Later(watermark, row);
            upserts[RowKey(row) ?? throw new MalformedPageException("Get-Mailbox: a changed mailbox without ExternalDirectoryObjectId or ExchangeGuid cannot be merged")] = Slim(row);
        }

        removed.ExceptWith(upserts.Keys);
        foreach (var key in removed)
        {
            rows.Remove(key);
        }

        foreach (var (key, row) in upserts)
        {
            rows[key] = row;
        }

        await store.SaveAsync(tenantId, Key, Checkpoint(watermark!.Value), false, Rows(upserts), removed, ct);
        return Ordered(rows);
    }

    private DeltaCheckpoint Checkpoint(DateTimeOffset watermark) =>
        new(WatermarkPrefix + watermark.UtcDateTime.ToString("O", CultureInfo.InvariantCulture), source.Time.GetUtcNow());

    private static DateTimeOffset? Watermark(string stored) =>
        stored.StartsWith(WatermarkPrefix, StringComparison.Ordinal)
        && DateTimeOffset.TryParse(stored[WatermarkPrefix.Length..], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    private static DateTimeOffset? Later(DateTimeOffset? watermark, JsonElement row) =>
        ExchangeRow.Text(row, "WhenChangedUTC") is { } text
        && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var changed)
        && (watermark is null || changed > watermark) ? changed : watermark;

    /// <summary>A mailbox by its Entra object id (the join key with Graph users); its Exchange GUID when it has none.</summary>
    private static string? RowKey(JsonElement row) =>
        ExchangeRow.Text(row, "ExternalDirectoryObjectId") ?? (ExchangeRow.Text(row, "ExchangeGuid") is { } guid ? "exchange-guid:" + guid : null);

    private static void Add(HashSet<string> keys, string? key)
    {
        if (key is not null)
        {
            keys.Add(key);
        }
    }

    private static byte[] Slim(JsonElement row)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // Empty and null values are left out: the records read them as absent either way (ExchangeRow.Text), and
            // most of a mailbox's fifteen custom attributes are empty.
            foreach (var property in row.EnumerateObject().Where(p => Kept.Contains(p.Name) && !IsEmpty(p.Value)))
            {
                property.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static bool IsEmpty(JsonElement value) =>
        value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined || (value.ValueKind == JsonValueKind.String && value.GetString()!.Length == 0);

    private static IEnumerable<DirectoryObjectRow> Rows(Dictionary<string, byte[]> rows) =>
        rows.Select(r => new DirectoryObjectRow(r.Key, Encoding.UTF8.GetString(r.Value)));

    private static List<byte[]> Ordered(Dictionary<string, byte[]> rows) =>
        rows.OrderBy(r => r.Key, StringComparer.OrdinalIgnoreCase).Select(r => r.Value).ToList();
}
