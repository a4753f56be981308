using Compliance.Collectors.Incremental;
using Compliance.Rules.Evidence;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// Activity records held in memory by the evaluate and report benchmarks (GeneratedEvidence), which map the generated
/// tenant straight into a snapshot without a store: every column that repeats across records (app, sender, recipient,
/// status, credential, resource, operation) points at one shared string per value, with one <see cref="StringPool"/>
/// per column; the record id stays the record's own. A review reads these records from the store instead.
/// </summary>
internal static class CompactRecords
{
    public static Func<ServicePrincipalSignIn, ServicePrincipalSignIn> SignIns()
    {
        StringPool app = new(), failure = new(), credentialType = new(), keyId = new(), resource = new();
        return s => s with
        {
            AppId = app.Get(s.AppId),
            FailureReason = failure.GetOrNull(s.FailureReason),
            ClientCredentialType = credentialType.GetOrNull(s.ClientCredentialType),
            CredentialKeyId = keyId.GetOrNull(s.CredentialKeyId),
            ResourceDisplayName = resource.GetOrNull(s.ResourceDisplayName),
        };
    }

    public static Func<MessageTraceRecord, MessageTraceRecord> Trace()
    {
        StringPool sender = new(), recipient = new(), status = new(), subject = new();
        return m => m with
        {
            SenderAddress = sender.Get(m.SenderAddress),
            RecipientAddress = recipient.Get(m.RecipientAddress),
            Status = status.Get(m.Status),
            Subject = subject.GetOrNull(m.Subject),
        };
    }

    public static Func<MailboxAuditRecord, MailboxAuditRecord> Audit()
    {
        StringPool operation = new(), mailbox = new(), app = new(), user = new();
        return a => a with
        {
            Operation = operation.Get(a.Operation),
            MailboxAddress = mailbox.Get(a.MailboxAddress),
            AppId = app.GetOrNull(a.AppId),
            UserId = user.GetOrNull(a.UserId),
        };
    }
}
