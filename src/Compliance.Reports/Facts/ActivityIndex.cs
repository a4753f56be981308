using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>
/// Sign-ins, message trace and mailbox audit folded once into per-app and per-sender figures. A large
/// tenant has a million sign-ins: the PDF shows these aggregates, never the rows, and every section
/// reads the same index instead of scanning the lists again.
/// </summary>
internal sealed class ActivityIndex
{
    private readonly Dictionary<string, AppSignInStats> _signIns = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SenderMailStats> _senders = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, SortedSet<string>> _auditMailboxes = new(StringComparer.OrdinalIgnoreCase);

    public ActivityIndex(EvidenceSnapshot evidence)
    {
        foreach (var s in evidence.SignIns)
        {
            AddSignIn(s);
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

    public AppSignInStats? SignIns(string appId) => _signIns.GetValueOrDefault(appId);

    public SenderMailStats? Sender(string address) => _senders.GetValueOrDefault(address);

    /// <summary>Mailboxes the app actually sent from according to the mailbox audit log.</summary>
    public IReadOnlyCollection<string> AuditedMailboxes(string appId) =>
        _auditMailboxes.TryGetValue(appId, out var set) ? set : [];

    private void AddSignIn(ServicePrincipalSignIn s)
    {
        if (!_signIns.TryGetValue(s.AppId, out var stats))
        {
            stats = new AppSignInStats();
            _signIns[s.AppId] = stats;
        }

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
        else if (s.CredentialKeyId is { } keyId
            && (!stats.LastUsedByKeyId.TryGetValue(keyId, out var used) || used < s.CreatedDateTime))
        {
            // Only a successful sign-in proves the credential works and is in use.
            stats.LastUsedByKeyId[keyId] = s.CreatedDateTime;
        }
    }
}
