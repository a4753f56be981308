using System.Globalization;
using System.Text;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>
/// Where a delta round stands, carried by its tokens instead of being kept by the simulator, so that a token still
/// means the same after a restart: the collection and its $select (Graph encodes the initial request's options into
/// the token, learn: graph/api/group-delta "Query parameters"), the state the round reports changes from (null: the
/// initial full sweep) and to, and, inside the round, the change and the member offset the next page starts at
/// (one group's members may be split over pages).
/// </summary>
internal sealed record DeltaPosition(string Collection, IReadOnlyList<string>? Select, string? From, string To, int Index, int MemberOffset)
{
    private const string Version = "sim-delta-1";

    public string Encode()
    {
        var text = string.Join('|', Version, Collection, Select is null ? "*" : string.Join(',', Select), From ?? "-", To, Number(Index), Number(MemberOffset));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null for anything that is not a token of this collection.</summary>
    public static DeltaPosition? Decode(string token, string collection)
    {
        string text;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            text = Encoding.UTF8.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=')));
        }
        catch (FormatException)
        {
            return null;
        }

        var parts = text.Split('|');
        if (parts.Length != 7 || parts[0] != Version || parts[1] != collection
            || !int.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var offset))
        {
            return null;
        }

        IReadOnlyList<string>? select = parts[2] == "*" ? null : parts[2].Split(',');
        return new DeltaPosition(parts[1], select, parts[3] == "-" ? null : parts[3], parts[4], index, offset);
    }

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}
