namespace Compliance.Rules.Opath;

/// <summary>A parsed OPATH filter node.</summary>
public abstract record OpathExpression
{
    public abstract bool Matches(IOpathRecipient recipient);
}

public sealed record OpathAnd(OpathExpression Left, OpathExpression Right) : OpathExpression
{
    public override bool Matches(IOpathRecipient recipient) => Left.Matches(recipient) && Right.Matches(recipient);
}

public sealed record OpathOr(OpathExpression Left, OpathExpression Right) : OpathExpression
{
    public override bool Matches(IOpathRecipient recipient) => Left.Matches(recipient) || Right.Matches(recipient);
}

public sealed record OpathNot(OpathExpression Operand) : OpathExpression
{
    public override bool Matches(IOpathRecipient recipient) => !Operand.Matches(recipient);
}
