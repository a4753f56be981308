namespace Compliance.Rules.Opath;

/// <summary>The group identities a filter names through MemberOfGroup.</summary>
public static class OpathGroups
{
    public static IEnumerable<string> Named(OpathExpression expression) => expression switch
    {
        OpathComparison { Property: OpathProperty.MemberOfGroup, Value: { } value } => [value],
        OpathAnd and => Named(and.Left).Concat(Named(and.Right)),
        OpathOr or => Named(or.Left).Concat(Named(or.Right)),
        OpathNot not => Named(not.Operand),
        _ => [],
    };
}
