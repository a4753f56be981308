namespace Compliance.TenantSimulator.Model;

/// <summary>
/// A finding a correct evaluation must produce, recorded when the defect was planted: the rule, the resource it names
/// (app id, mailbox address or source name), the qualifier that separates several findings of one rule on one
/// resource (credential key id, scope id, mailbox address) and the severity in findings.json spelling.
/// </summary>
public sealed record SimExpectedFinding(string RuleId, string ResourceId, string? Qualifier, string Severity);
