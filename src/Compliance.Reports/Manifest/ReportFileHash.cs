namespace Compliance.Reports;

/// <summary>One published report file, named relative to the report directory.</summary>
public sealed record ReportFileHash(string Name, string Sha256, long Bytes);
