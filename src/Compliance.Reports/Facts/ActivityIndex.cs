using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>
/// Sign-ins, message trace and mailbox audit folded into per-app and per-sender figures. A large tenant has a million
/// sign-ins of 100,000 apps: the PDF shows these aggregates, never the rows, and the sign-in figures of an app are
/// folded from its own sign-ins (EvidenceSnapshot.SignInsOf) when first asked for, so only the apps the reports
/// describe hold figures — not one set of dictionaries per app of the tenant.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly EvidenceSnapshot _evidence;
    private readonly Dictionary<string, AppSignInStats?> _signIns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SenderMailStats> _senders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<string>> _auditMailboxes = new(StringComparer.OrdinalIgnoreCase);

    public ActivityIndex(EvidenceSnapshot evidence)
    {
        _evidence = evidence;
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

    /// <summary>The app's sign-in figures (null when it has no sign-ins), folded once and kept: asked for by several sections.</summary>
    public AppSignInStats? SignIns(string appId)
    {
        if (!_signIns.TryGetValue(appId, out var stats))
        {
            stats = Fold(_evidence.SignInsOf(appId));
            _signIns[appId] = stats;
        }

        return stats;
    }

    /// <summary>
    /// The last successful sign-in per credential key id of one app, not kept: the Credentials sheet asks once for
    /// every app of the tenant, and keeping them would hold figures for all of them.
    /// </summary>
    public IReadOnlyDictionary<string, DateTimeOffset> LastUsedByKeyId(string appId)
    {
        if (_signIns.GetValueOrDefault(appId) is { } stats)
        {
            return stats.LastUsedByKeyId;
        }

        var lastUsed = new Dictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        foreach (var s in _evidence.SignInsOf(appId))
        {
            RecordUse(lastUsed, s);
        }

        return lastUsed;
    }

    public SenderMailStats? Sender(string address) => _senders.GetValueOrDefault(address);

    /// <summary>Mailboxes the app actually sent from according to the mailbox audit log.</summary>
    public IReadOnlyCollection<string> AuditedMailboxes(string appId) =>
        _auditMailboxes.TryGetValue(appId, out var set) ? set : [];

    private static AppSignInStats? Fold(IReadOnlyList<ServicePrincipalSignIn> signIns)
    {
        if (signIns.Count == 0)
        {
            return null;
        }

        var stats = new AppSignInStats();
        foreach (var s in signIns)
        {
            Add(stats, s);
        }

        return stats;
    }

    private static void Add(AppSignInStats stats, ServicePrincipalSignIn s)
    {
        stats.Total++;
        stats.First = stats.First is { } first && first <= s.CreatedDateTime ? first : s.CreatedDateTime;
        stats.Last = stats.Last is { } last && last >= s.CreatedDateTime ? last : s.CreatedDateTime;
        if (s.IpAddress is { } ip)
        {
            stats.IpAddresses.Add(ip);
        }

        if (s.ErrorCode != 0)
        {
            stats.Failures++;
            var (count, reason) = stats.FailureCodes.GetValueOrDefault(s.ErrorCode);
            stats.FailureCodes[s.ErrorCode] = (count + 1, reason ?? s.FailureReason);
        }
        else
        {
            RecordUse(stats.LastUsedByKeyId, s);
        }
    }

    /// <summary>Only a successful sign-in proves the credential works and is in use.</summary>
    private static void RecordUse(Dictionary<string, DateTimeOffset> lastUsed, ServicePrincipalSignIn s)
    {
        if (s.ErrorCode == 0 && s.CredentialKeyId is { } keyId && (!lastUsed.TryGetValue(keyId, out var used) || used < s.CreatedDateTime))
        {
            lastUsed[keyId] = s.CreatedDateTime;
        }
    }
}
