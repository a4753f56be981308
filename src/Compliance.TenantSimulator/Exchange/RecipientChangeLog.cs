using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Exchange;

/// <summary>
/// Exchange's WhenChangedUTC and WhenSoftDeleted for the simulator's recipients, kept per tenant for the whole process
/// the way <see cref="Graph.Delta.DeltaSyncStates"/> keeps Graph's sync states: simulators started one after another in
/// one process (a test per run) play one tenant whose recipients change between the runs. The first time a tenant is
/// seen, every recipient was last changed when it was created (never later than now); afterwards a recipient that is
/// new or differs from the version last seen was changed now, and one that is gone was deleted now — a deleted
/// mailbox stays listed as soft-deleted, as Exchange Online keeps it recoverable (learn: exchange Get-Mailbox,
/// -SoftDeletedMailbox).
/// </summary>
internal sealed class RecipientChangeLog
{
    private readonly Lock gate = new();
    private readonly Dictionary<string, TenantLog> tenants = new(StringComparer.OrdinalIgnoreCase);

    public static RecipientChangeLog Shared { get; } = new();

    /// <summary>One recipient as last seen: a mailbox or (<see cref="IsMailUser"/>) a former mailbox now a mail user.</summary>
    public sealed record Entry(SimMailbox Recipient, bool IsMailUser, string Version, DateTimeOffset ChangedAt, DateTimeOffset? DeletedAt);

    private sealed record TenantLog(SimDirectory Seen, IReadOnlyDictionary<string, Entry> Entries);

    /// <summary>Every recipient of the tenant ever seen by id — the current ones and the deleted — after seeing <paramref name="directory"/>.</summary>
    public IReadOnlyDictionary<string, Entry> Observe(string tenantId, SimDirectory directory, DateTimeOffset now)
    {
        lock (gate)
        {
            var log = tenants.GetValueOrDefault(tenantId);
            if (log is not null && ReferenceEquals(log.Seen, directory))
            {
                return log.Entries;
            }

            // A new dictionary each time: readers keep the one they were given, never one being changed.
            var entries = new Dictionary<string, Entry>(StringComparer.OrdinalIgnoreCase);
            var current = directory.Mailboxes.Select(m => (Recipient: m, IsMailUser: false)).Concat(directory.MailUsers.Select(m => (Recipient: m, IsMailUser: true)));
            foreach (var (recipient, isMailUser) in current)
            {
                var version = Version(recipient, isMailUser);
                var before = log?.Entries.GetValueOrDefault(recipient.Id);
                var changedAt = before is { DeletedAt: null } && before.Version == version ? before.ChangedAt
                    : log is null ? Min(recipient.CreatedDateTime, now)
                    : now;
                entries[recipient.Id] = new Entry(recipient, isMailUser, version, changedAt, null);
            }

            foreach (var (id, gone) in log?.Entries ?? new Dictionary<string, Entry>())
            {
                if (!entries.ContainsKey(id))
                {
                    entries[id] = gone.DeletedAt is null ? gone with { ChangedAt = now, DeletedAt = now } : gone;
                }
            }

            tenants[tenantId] = new TenantLog(directory, entries);
            return entries;
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;

    /// <summary>What a change of the recipient changes: every property the cmdlets show.</summary>
    private static string Version(SimMailbox m, bool isMailUser) => string.Join('\u001f',
        [isMailUser ? "MailUser" : "Mailbox", m.Address, m.Alias, m.DisplayName, m.RecipientTypeDetails, m.AccountEnabled ? "1" : "0", m.AuditEnabled ? "1" : "0",
            m.Department, m.Company, m.Office, m.DistinguishedName, .. m.CustomAttributes]);
}
