using System.Text.Json;
using Compliance.Collectors.Internal;

namespace Compliance.Collectors.Sources;

/// <summary>
/// A mailbox's CustomAttribute1..15 (Get-Mailbox; learn: exchange Set-Mailbox -CustomAttribute1 … 15) as the records
/// hold them: in order, null where empty. Most mailboxes set none — all 50,276 of the large generated tenant — so they
/// share one read-only list of fifteen nulls instead of a list each (176 B a mailbox).
/// </summary>
internal static class CustomAttributes
{
    public const int Count = 15;

    public static readonly IReadOnlyList<string?> None = Array.AsReadOnly(new string?[Count]);

    private static readonly string[] Names = [.. Enumerable.Range(1, Count).Select(i => "CustomAttribute" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    public static IReadOnlyList<string?> Of(JsonElement row)
    {
        string?[]? values = null;
        for (var i = 0; i < Count; i++)
        {
            if (ExchangeRow.Text(row, Names[i]) is { } value)
            {
                (values ??= new string?[Count])[i] = value;
            }
        }

        return values ?? None;
    }
}
