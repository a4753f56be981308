using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// Server-side paging state behind $skiptoken, as Graph keeps it (m365-apis.md §4: the token is opaque and only valid
/// in the nextLink it came in). The token names a cursor and a row offset and carries an HMAC under a key drawn per
/// simulator, so an edited token is refused with 400 instead of paging from an invented place. A token whose cursor
/// was evicted (or was never kept) still answers correctly: the rows are re-read from the start up to its offset.
/// </summary>
internal sealed class PageCursors
{
    /// <summary>Open cursors kept at once; the oldest is dropped first (a client that comes back later pays a seek).</summary>
    private const int Capacity = 256;

    private const string Prefix = "sim-page:";
    private const int MacBytes = 12;

    private readonly byte[] key = RandomNumberGenerator.GetBytes(32);
    private readonly Lock gate = new();
    private readonly Dictionary<string, PageCursor> open = new(StringComparer.Ordinal);
    private readonly Queue<string> age = new();

    /// <summary>A decoded token: which cursor, at which row.</summary>
    public readonly record struct Position(string CursorId, int Offset);

    /// <summary>
    /// The page at <paramref name="at"/> (null: the first), plus one row beyond it when there is one, and the cursor id
    /// the next token must carry.
    /// </summary>
    public (List<JsonObject> Window, string CursorId) Take(Position? at, int size, Func<IEnumerable<JsonObject>> rows)
    {
        if (at is { } p && Find(p.CursorId)?.TryTake(p.Offset, size) is { } kept)
        {
            return (kept, p.CursorId);
        }

        var offset = at?.Offset ?? 0;
        var cursorId = at?.CursorId ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var cursor = new PageCursor(rows().Skip(offset).GetEnumerator(), offset);
        var window = cursor.TryTake(offset, size)!;
        if (window.Count > size)
        {
            Keep(cursorId, cursor);
        }
        else
        {
            cursor.Dispose();
        }

        return (window, cursorId);
    }

    public string Encode(string cursorId, int offset)
    {
        var text = $"{Prefix}{cursorId}:{offset.ToString(CultureInfo.InvariantCulture)}";
        var payload = Encoding.UTF8.GetBytes(text);
        var token = new byte[payload.Length + MacBytes];
        payload.CopyTo(token, 0);
        HMACSHA256.HashData(key, payload).AsSpan(0, MacBytes).CopyTo(token.AsSpan(payload.Length));
        return Convert.ToBase64String(token).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Null for anything this simulator did not issue, unchanged.</summary>
    public Position? Decode(string token)
    {
        byte[] bytes;
        try
        {
            var padded = token.Replace('-', '+').Replace('_', '/');
            bytes = Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '='));
        }
        catch (FormatException)
        {
            return null;
        }

        if (bytes.Length <= MacBytes)
        {
            return null;
        }

        var payload = bytes.AsSpan(0, bytes.Length - MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, payload).AsSpan(0, MacBytes), bytes.AsSpan(payload.Length)))
        {
            return null;
        }

        var text = Encoding.UTF8.GetString(payload);
        var parts = text.StartsWith(Prefix, StringComparison.Ordinal) ? text[Prefix.Length..].Split(':') : [];
        return parts.Length == 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var offset)
            ? new Position(parts[0], offset)
            : null;
    }

    private PageCursor? Find(string cursorId)
    {
        lock (gate)
        {
            return open.GetValueOrDefault(cursorId);
        }
    }

    private void Keep(string cursorId, PageCursor cursor)
    {
        lock (gate)
        {
            if (open.Remove(cursorId, out var replaced))
            {
                replaced.Dispose();
            }
            else
            {
                age.Enqueue(cursorId);
            }

            open[cursorId] = cursor;
            while (open.Count > Capacity && age.TryDequeue(out var oldest))
            {
                if (open.Remove(oldest, out var evicted))
                {
                    evicted.Dispose();
                }
            }
        }
    }
}
