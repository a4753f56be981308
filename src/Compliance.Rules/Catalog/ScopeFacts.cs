using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Catalog;

/// <summary>Shared facts for the controls that read the effective send-as scope.</summary>
internal static class ScopeFacts
{
    /// <summary>Everything the scope computation reads; a control built on the scope needs all of it.</summary>
    public static readonly string[] Sources =
    [
        EvidenceSources.ServicePrincipals, EvidenceSources.AppRoleGrants, EvidenceSources.AccessPolicies, EvidenceSources.ExchangeRbac,
        EvidenceSources.Mailboxes, EvidenceSources.Groups, EvidenceSources.AdministrativeUnits,
    ];

    public static string[] With(params string[] more) => [.. Sources, .. more];

    /// <summary>
    /// Mailboxes "in scope" of the review: approved senders of the register, and every mailbox some mail-capable
    /// app can send as — each with why it is in scope.
    /// </summary>
    public static IReadOnlyList<(Mailbox Mailbox, string Why)> InScopeMailboxes(EvidenceSnapshot evidence, DerivedEvidence derived)
    {
        var result = new Dictionary<string, (Mailbox, string)>(StringComparer.OrdinalIgnoreCase);
        foreach (var integration in evidence.Integrations)
        {
            foreach (var sender in integration.ApprovedSenders)
            {
                if (evidence.MailboxByAddress(sender) is { } mailbox)
                {
                    result.TryAdd(sender, (mailbox, $"approved sender of '{integration.Name}'"));
                }
            }
        }

        var everyMailbox = evidence.Mailboxes.Select(m => m.PrimarySmtpAddress).Distinct(StringComparer.OrdinalIgnoreCase).Count();
        foreach (var scope in derived.Scopes)
        {
            if (result.Count == everyMailbox)
            {
                break; // each mailbox already has its first reason (an unrestricted app reaches them all); later scopes add none
            }

            foreach (var entry in scope.Mailboxes)
            {
                if (!result.ContainsKey(entry.MailboxAddress) && evidence.MailboxByAddress(entry.MailboxAddress) is { } mailbox)
                {
                    result.Add(entry.MailboxAddress, (mailbox, $"in the send-as scope of {scope.AppDisplayName}"));
                }
            }
        }

        return result.Values.OrderBy(v => v.Item1.PrimarySmtpAddress, StringComparer.OrdinalIgnoreCase).ToList();
    }

    public static bool IsApproved(Policy.Integration? integration, string address) =>
        integration is not null && integration.ApprovedSenders.Any(a => string.Equals(a, address, StringComparison.OrdinalIgnoreCase));

    /// <summary>A short list for a finding's detail: the first few, then "and N more".</summary>
    public static string List(IReadOnlyCollection<string> items, int shown = 8) =>
        items.Count <= shown ? string.Join(", ", items) : $"{string.Join(", ", items.Take(shown))} and {items.Count - shown} more";
}
