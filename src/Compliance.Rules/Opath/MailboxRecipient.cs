using Compliance.Rules.Evidence;

namespace Compliance.Rules.Opath;

/// <summary>
/// A mailbox as the OPATH evaluator sees it. MemberOfGroup yields every identifier of each group the mailbox is
/// a <b>direct</b> member of (DN, mail, id, name), since filters name groups by DN or identity.
/// </summary>
public sealed class MailboxRecipient(Mailbox mailbox, IReadOnlyList<MailGroup> directGroups) : IOpathRecipient
{
    public IReadOnlyList<string> ValuesOf(string propertyName) => propertyName switch
    {
        "PrimarySmtpAddress" => One(mailbox.PrimarySmtpAddress),
        OpathProperty.EmailAddresses => mailbox.EmailAddresses.Count > 0 ? mailbox.EmailAddresses : One("SMTP:" + mailbox.PrimarySmtpAddress),
        "Alias" => One(mailbox.Alias),
        "Name" => One(mailbox.Name),
        "DisplayName" => One(mailbox.DisplayName),
        "Department" => One(mailbox.Department),
        "Company" => One(mailbox.Company),
        "Office" => One(mailbox.Office),
        "RecipientTypeDetails" => One(mailbox.RecipientTypeDetails),
        OpathProperty.MemberOfGroup => directGroups
            .SelectMany(g => new[] { g.DistinguishedName, g.Mail, g.Id, g.DisplayName })
            .OfType<string>()
            .ToList(),
        _ when propertyName.StartsWith("CustomAttribute", StringComparison.Ordinal) => CustomAttribute(propertyName),
        _ => [],
    };

    private IReadOnlyList<string> CustomAttribute(string propertyName)
    {
        var index = int.Parse(propertyName.AsSpan("CustomAttribute".Length), System.Globalization.CultureInfo.InvariantCulture) - 1;
        return index < mailbox.CustomAttributes.Count ? One(mailbox.CustomAttributes[index]) : [];
    }

    private static IReadOnlyList<string> One(string? value) => string.IsNullOrEmpty(value) ? [] : [value];
}
