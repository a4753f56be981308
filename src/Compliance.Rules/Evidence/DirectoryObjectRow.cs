namespace Compliance.Rules.Evidence;

/// <summary>One merged directory object of a delta source: its Graph id and its JSON as merged from the rounds.</summary>
public sealed record DirectoryObjectRow(string Id, string Json);
