using Compliance.Collectors.Pacing;

namespace Compliance.Collectors;

/// <summary>What to collect beyond the tenant's configuration, and how hard to push. Every member has a safe default.</summary>
public sealed record CollectionOptions
{
    /// <summary>
    /// Sender addresses whose message trace is read: the register's approved senders plus the mailboxes the scope
    /// computation cares about. Message trace filters one sender per query (m365-apis.md §2.1: Graph ignores "or").
    /// </summary>
    public IReadOnlyCollection<string> SenderAddresses { get; init; } = [];

    /// <summary>When set, sign-ins come from this workspace's AADServicePrincipalSignInLogs instead of Graph beta.</summary>
    public LogAnalyticsWorkspace? SignInWorkspace { get; init; }

    public SourcePacing Pacing { get; init; } = SourcePacing.Microsoft;

    /// <summary>Retries after 429/503/504 or a broken transfer before a source gives up ("throttled out").</summary>
    public int MaxRetries { get; init; } = 4;

    /// <summary>The longest Retry-After honoured within a run (Kiota's cap); a longer one ends the source as throttled out.</summary>
    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(180);

    /// <summary>
    /// How far before its watermark an incremental run starts again: records can appear late in the logs, and the
    /// overlap is de-duplicated by record id.
    /// </summary>
    public TimeSpan IncrementalOverlap { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Message trace: at most 10 days per query and at most 90 days back (m365-apis.md §2.1).</summary>
    public TimeSpan MessageTraceSlice { get; init; } = TimeSpan.FromDays(10);

    public TimeSpan MessageTraceRetention { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Audit log queries run server-side; poll this often, for at most <see cref="AuditQueryTimeout"/>.</summary>
    public TimeSpan AuditPollInterval { get; init; } = TimeSpan.FromSeconds(15);

    public TimeSpan AuditQueryTimeout { get; init; } = TimeSpan.FromMinutes(30);

    public static CollectionOptions Default { get; } = new();
}
