using System.IO.Compression;
using System.Xml.Linq;

namespace Compliance.Reports.Workbook;

/// <summary>
/// Finds a worksheet's part in an .xlsx package by the sheet's name: the workbook part lists each sheet with the id of a
/// relationship, and that relationship's target is the worksheet part (ECMA-376 Part 1, SpreadsheetML workbook; OPC
/// relationships in Part 2). Not assumed from the sheet's position, so the lookup holds whatever order the writer used.
/// </summary>
internal static class WorkbookParts
{
    private const string WorkbookEntry = "xl/workbook.xml";
    private const string WorkbookRelationshipsEntry = "xl/_rels/workbook.xml.rels";
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace DocumentRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    /// <summary>The zip entry name of the worksheet called <paramref name="sheetName"/>, e.g. "xl/worksheets/sheet1.xml".</summary>
    public static async Task<string> SheetEntryAsync(ZipArchive package, string sheetName, CancellationToken ct)
    {
        var workbook = await LoadAsync(package, WorkbookEntry, ct);
        var id = workbook.Root?.Element(Main + "sheets")?.Elements(Main + "sheet")
            .FirstOrDefault(s => (string?)s.Attribute("name") == sheetName)?.Attribute(DocumentRelationships + "id")?.Value
            ?? throw new InvalidDataException($"the workbook has no sheet named \"{sheetName}\"");
        var relationships = await LoadAsync(package, WorkbookRelationshipsEntry, ct);
        var target = relationships.Root?.Elements(PackageRelationships + "Relationship")
            .FirstOrDefault(r => (string?)r.Attribute("Id") == id)?.Attribute("Target")?.Value
            ?? throw new InvalidDataException($"the workbook's sheet \"{sheetName}\" points to no part ({id})");
        // Targets are relative to xl/ unless they start at the package root.
        return target.StartsWith('/') ? target[1..] : "xl/" + target;
    }

    private static async Task<XDocument> LoadAsync(ZipArchive package, string name, CancellationToken ct)
    {
        var entry = package.GetEntry(name) ?? throw new InvalidDataException($"the workbook has no {name}");
        var stream = await entry.OpenAsync(ct);
        await using (stream)
        {
            return await XDocument.LoadAsync(stream, LoadOptions.None, ct);
        }
    }
}
