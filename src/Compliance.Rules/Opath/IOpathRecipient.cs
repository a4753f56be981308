namespace Compliance.Rules.Opath;

/// <summary>
/// A recipient as the evaluator sees it: the values of a property (several for EmailAddresses and
/// MemberOfGroup; none when the property is empty).
/// </summary>
public interface IOpathRecipient
{
    IReadOnlyList<string> ValuesOf(string propertyName);
}
