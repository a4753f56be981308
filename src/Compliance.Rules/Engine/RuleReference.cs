namespace Compliance.Rules.Engine;

/// <summary>A reference a reviewer can follow: runbook step, Microsoft Learn page, CIS M365 id.</summary>
public sealed record RuleReference(string Label, string? Url = null);
