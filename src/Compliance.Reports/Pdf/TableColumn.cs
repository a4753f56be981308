namespace Compliance.Reports.Pdf;

/// <summary>A table column; <see cref="Weight"/> is its share of the available width.</summary>
internal sealed record TableColumn(string Header, double Weight);
