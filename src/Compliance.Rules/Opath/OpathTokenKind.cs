namespace Compliance.Rules.Opath;

internal enum OpathTokenKind
{
    OpenParen,
    CloseParen,
    Operator,
    Word,
    Quoted,
    Null,
    End,
}
