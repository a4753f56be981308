namespace Compliance.Rules.Opath;

internal readonly record struct OpathToken(OpathTokenKind Kind, string Text, int Position);
