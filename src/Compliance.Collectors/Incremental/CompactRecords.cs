using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>
/// Activity records as evaluation keeps them: every column that repeats across records (app, sender, recipient,
/// status, credential, resource, operation) points at one shared string; the record id stays the record's own.
/// </summary>
internal static class CompactRecords
{
    public static ServicePrincipalSignIn SignIn(ServicePrincipalSignIn s, StringPool pool) => s with
    {
        AppId = pool.Get(s.AppId),
        IpAddress = pool.GetOrNull(s.IpAddress),
        FailureReason = pool.GetOrNull(s.FailureReason),
        ClientCredentialType = pool.GetOrNull(s.ClientCredentialType),
        CredentialKeyId = pool.GetOrNull(s.CredentialKeyId),
        ResourceDisplayName = pool.GetOrNull(s.ResourceDisplayName),
    };

    public static MessageTraceRecord Trace(MessageTraceRecord m, StringPool pool) => m with
    {
        SenderAddress = pool.Get(m.SenderAddress),
        RecipientAddress = pool.Get(m.RecipientAddress),
        Status = pool.Get(m.Status),
        Subject = pool.GetOrNull(m.Subject),
    };

    public static MailboxAuditRecord Audit(MailboxAuditRecord a, StringPool pool) => a with
    {
        Operation = pool.Get(a.Operation),
        MailboxAddress = pool.Get(a.MailboxAddress),
        AppId = pool.GetOrNull(a.AppId),
        UserId = pool.GetOrNull(a.UserId),
    };
}
