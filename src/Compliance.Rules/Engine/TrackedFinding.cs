namespace Compliance.Rules.Engine;

/// <summary>A finding with its lifecycle status.</summary>
public sealed record TrackedFinding(Finding Finding, FindingStatus Status);
