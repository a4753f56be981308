using Compliance.Rules.Opath;

namespace Compliance.Rules.Tests.Opath;

public class OpathFilterTests
{
    private sealed class Recipient(Dictionary<string, string[]> values) : IOpathRecipient
    {
        public IReadOnlyList<string> ValuesOf(string propertyName) => values.TryGetValue(propertyName, out var v) ? v : [];
    }

    private static readonly Recipient Invoices = new(new()
    {
        ["PrimarySmtpAddress"] = ["invoices@contoso.com"],
        ["EmailAddresses"] = ["SMTP:invoices@contoso.com", "smtp:ap@contoso.com"],
        ["Alias"] = ["invoices"],
        ["DisplayName"] = ["Invoices (Finance)"],
        ["Department"] = ["Finance"],
        ["CustomAttribute7"] = ["AppMail"],
        ["RecipientTypeDetails"] = ["SharedMailbox"],
        ["MemberOfGroup"] = ["CN=Finance Senders,OU=Groups,DC=contoso,DC=com", "finance-senders@contoso.com"],
    });

    private static bool Matches(string filter) => OpathFilter.Parse(filter).Matches(Invoices);

    [Theory]
    [InlineData("PrimarySmtpAddress -eq 'invoices@contoso.com'", true)]
    [InlineData("PrimarySmtpAddress -eq 'INVOICES@CONTOSO.COM'", true)]
    [InlineData("PrimarySmtpAddress -eq \"invoices@contoso.com\"", true)]
    [InlineData("PrimarySmtpAddress -ne 'invoices@contoso.com'", false)]
    [InlineData("primarysmtpaddress -EQ 'invoices@contoso.com'", true)]
    [InlineData("EmailAddresses -eq 'ap@contoso.com'", true)]
    [InlineData("EmailAddresses -eq 'smtp:ap@contoso.com'", true)]
    [InlineData("EmailAddresses -like '*@contoso.com'", true)]
    [InlineData("Alias -like 'inv*'", true)]
    [InlineData("Alias -like '*voi*'", true)]
    [InlineData("Alias -like 'pay*'", false)]
    [InlineData("Alias -notlike 'pay*'", true)]
    [InlineData("DisplayName -like '*(Finance)'", true)]
    [InlineData("Department -eq 'Finance' -and RecipientTypeDetails -eq 'SharedMailbox'", true)]
    [InlineData("Department -eq 'HR' -or CustomAttribute7 -eq 'AppMail'", true)]
    [InlineData("Department -eq 'HR' -or Department -eq 'IT' -and Alias -eq 'invoices'", false)] // -and binds tighter
    [InlineData("(Department -eq 'HR' -or Department -eq 'Finance') -and Alias -eq 'invoices'", true)]
    [InlineData("-not (Department -eq 'Finance')", false)]
    [InlineData("-not Department -eq 'HR'", true)]
    [InlineData("Company -eq $null", true)]
    [InlineData("Department -ne $null", true)]
    [InlineData("CustomAttribute15 -eq $null -and CustomAttribute7 -ne $null", true)]
    [InlineData("RecipientTypeDetails -eq SharedMailbox", true)]
    [InlineData("MemberOfGroup -eq 'CN=Finance Senders,OU=Groups,DC=contoso,DC=com'", true)]
    [InlineData("MemberOfGroup -eq 'finance-senders@contoso.com'", true)]
    [InlineData("MemberOfGroup -eq 'CN=Executives,OU=Groups,DC=contoso,DC=com'", false)]
    [InlineData("Name -eq 'O''Brien'", false)]
    public void Evaluates_the_supported_subset(string filter, bool expected) => Assert.Equal(expected, Matches(filter));

    [Fact]
    public void Doubled_quote_inside_a_value_is_one_quote()
    {
        var recipient = new Recipient(new() { ["Name"] = ["O'Brien"] });
        Assert.True(OpathFilter.Parse("Name -eq 'O''Brien'").Matches(recipient));
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("PrimarySmtpAddress -eq 'invoices@contoso.com", "not closed")]
    [InlineData("PrimarySmtpAddress -gt 'a'", "operator '-gt' is not supported")]
    [InlineData("PrimarySmtpAddress -ceq 'a'", "operator '-ceq' is not supported")]
    [InlineData("WindowsEmailAddress -eq 'a@b.c'", "property 'WindowsEmailAddress' is not supported")]
    [InlineData("(Department -eq 'Finance'", "missing ')'")]
    [InlineData("Department -eq 'Finance')", "unexpected ')'")]
    [InlineData("Department -eq", "expected a value")]
    [InlineData("Department -like $null", "$null cannot be used with -like")]
    [InlineData("Department -eq $env", "variable $env is not supported")]
    [InlineData("Department -eq 'Finance' -xor Alias -eq 'a'", "unexpected '-xor'")]
    public void Malformed_or_unsupported_filter_is_refused_with_the_filter_quoted(string filter, string problem)
    {
        var error = Assert.Throws<OpathSyntaxException>(() => OpathFilter.Parse(filter));
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{filter}\"", error.Message, StringComparison.Ordinal);
    }
}
