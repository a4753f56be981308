namespace Compliance.Rules.Opath;

/// <summary>
/// <c>Property -eq|-ne|-like|-notlike Value</c>. String comparisons are case-insensitive, as in Exchange.
/// A multi-valued property matches when any of its values does; <c>$null</c> means "has no value".
/// </summary>
public sealed record OpathComparison(string Property, string Operator, string? Value) : OpathExpression
{
    public override bool Matches(IOpathRecipient recipient)
    {
        var values = recipient.ValuesOf(Property).Where(v => !string.IsNullOrEmpty(v)).ToList();
        return Operator switch
        {
            "-eq" => Value is null ? values.Count == 0 : values.Any(v => Candidates(v).Any(c => c.Equals(Value, StringComparison.OrdinalIgnoreCase))),
            "-ne" => Value is null ? values.Count > 0 : !values.Any(v => Candidates(v).Any(c => c.Equals(Value, StringComparison.OrdinalIgnoreCase))),
            "-like" => values.Any(v => Candidates(v).Any(c => Wildcard.IsMatch(c, Value ?? string.Empty))),
            "-notlike" => !values.Any(v => Candidates(v).Any(c => Wildcard.IsMatch(c, Value ?? string.Empty))),
            _ => throw new InvalidOperationException($"operator {Operator} was accepted by the parser but has no meaning"),
        };
    }

    /// <summary>
    /// EmailAddresses values are proxy addresses ("SMTP:a@b", "smtp:c@d"); a filter may name them with or
    /// without the prefix, so both forms are compared.
    /// </summary>
    private IEnumerable<string> Candidates(string value)
    {
        yield return value;
        if (Property == OpathProperty.EmailAddresses && value.IndexOf(':', StringComparison.Ordinal) is var colon and > 0)
        {
            yield return value[(colon + 1)..];
        }
    }
}
