using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>
/// Sign-ins, message trace and mailbox audit folded once into per-app and per-sender figures. A large tenant has a
/// million sign-ins of 100,000 apps: the PDF shows these aggregates, never the rows. Full sign-in figures are kept only
/// for the apps the reports describe (the register's and those with an effective scope, a few hundred); for every
/// other app only the last use of each credential, which the Credentials sheet lists for the whole tenant.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly Dictionary<string, AppSignInStats?> _signIns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<(string AppId, string KeyId), DateTimeOffset> _lastUsed = new(AppKeyComparer.Instance);
    private readonly Dictionary<string, SenderMailStats> _senders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<string>> _auditMailboxes = new(StringComparer.OrdinalIgnoreCase);

    /// <param name="evidence">The snapshot whose activity is folded.</param>
    /// <param name="appIds">The apps that get full sign-in figures (<see cref="SignIns"/>).</param>
    public ActivityIndex(EvidenceSnapshot evidence, IEnumerable<string> appIds)
    {
        foreach (var appId in appIds)
        {
            _signIns.TryAdd(appId, null);
        }

        foreach (var s in evidence.SignIns)
        {
            DailyGroups.Add(s);
            // Only a successful sign-in proves the credential works and is in use.
            if (s.ErrorCode == 0 && s.CredentialKeyId is { } keyId
                && (!_lastUsed.TryGetValue((s.AppId, keyId), out var used) || used < s.CreatedDateTime))
            {
                _lastUsed[(s.AppId, keyId)] = s.CreatedDateTime;
            }

            if (_signIns.TryGetValue(s.AppId, out var stats))
            {
                stats ??= _signIns[s.AppId] = new AppSignInStats();
                Add(stats, s);
            }
        }

        foreach (var m in evidence.MessageTrace)
        {
            if (!_senders.TryGetValue(m.SenderAddress, out var stats))
            {
                stats = new SenderMailStats(m.SenderAddress);
                _senders[m.SenderAddress] = stats;
            }

            stats.Messages++;
            stats.Recipients++;
            if (string.Equals(m.Status, "delivered", StringComparison.OrdinalIgnoreCase))
            {
                stats.Delivered++;
            }
            else if (string.Equals(m.Status, "failed", StringComparison.OrdinalIgnoreCase))
            {
                stats.Failed++;
            }
        }

        foreach (var a in evidence.MailboxAudit.Where(a => a.AppId is not null))
        {
            if (!_auditMailboxes.TryGetValue(a.AppId!, out var set))
            {
                set = new SortedSet<string>(StringComparer.OrdinalIgnoreCase);
                _auditMailboxes[a.AppId!] = set;
            }

            set.Add(a.MailboxAddress);
        }
    }

    /// <summary>
    /// The index the reports read: full figures for the apps they describe (IntegrationCatalog.AppIds). Built once per
    /// document and shared by the PDF and the workbook: each build reads every activity record from the store again.
    /// </summary>
    public static ActivityIndex For(Rules.Review.ReviewDocument document) =>
        Built.GetValue(document, d => new ActivityIndex(d.Evidence, IntegrationCatalog.AppIds(d)));

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Rules.Review.ReviewDocument, ActivityIndex> Built = [];

    /// <summary>How many rows the daily sign-in sheet has (one per UTC day, app and error code).</summary>
    public SignInDayGroups DailyGroups { get; } = new();

    /// <summary>Sign-in figures of one of the apps given at construction; null for an app without sign-ins (or not given).</summary>
    public AppSignInStats? SignIns(string appId) => _signIns.GetValueOrDefault(appId);

    /// <summary>The last successful sign-in with the credential, for any app of the tenant.</summary>
    public DateTimeOffset? LastUsed(string appId, string keyId) => _lastUsed.TryGetValue((appId, keyId), out var used) ? used : null;

    public SenderMailStats? Sender(string address) => _senders.GetValueOrDefault(address);

    /// <summary>Mailboxes the app actually sent from according to the mailbox audit log.</summary>
    public IReadOnlyCollection<string> AuditedMailboxes(string appId) =>
        _auditMailboxes.TryGetValue(appId, out var set) ? set : [];

    private static void Add(AppSignInStats stats, ServicePrincipalSignIn s)
    {
        stats.Total++;
        stats.First = stats.First is { } first && first <= s.CreatedDateTime ? first : s.CreatedDateTime;
        stats.Last = stats.Last is { } last && last >= s.CreatedDateTime ? last : s.CreatedDateTime;
        if (s.PackedIpAddress is var ip && ip != default)
        {
            stats.IpAddresses.Add(ip);
        }

        if (s.ErrorCode != 0)
        {
            stats.Failures++;
            var (count, reason) = stats.FailureCodes.GetValueOrDefault(s.ErrorCode);
            stats.FailureCodes[s.ErrorCode] = (count + 1, reason ?? s.FailureReason);
        }
    }

    /// <summary>App ids and key ids compared as the rest of the index compares them: GUIDs, case-insensitively.</summary>
    private sealed class AppKeyComparer : IEqualityComparer<(string AppId, string KeyId)>
    {
        public static readonly AppKeyComparer Instance = new();

        public bool Equals((string AppId, string KeyId) x, (string AppId, string KeyId) y) =>
            StringComparer.OrdinalIgnoreCase.Equals(x.AppId, y.AppId) && StringComparer.OrdinalIgnoreCase.Equals(x.KeyId, y.KeyId);

        public int GetHashCode((string AppId, string KeyId) key) =>
            HashCode.Combine(StringComparer.OrdinalIgnoreCase.GetHashCode(key.AppId), StringComparer.OrdinalIgnoreCase.GetHashCode(key.KeyId));
    }
}
