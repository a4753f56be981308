using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph;

/// <summary>
/// One open paging sequence: the enumerator over a collection's filtered rows, left where the last page ended, so the
/// next page costs its own rows only — not the million before it (a 1,000,000-row sign-in read would otherwise redo
/// n²/2 rows). The last window is kept because clients repeat a nextLink after a broken transfer.
/// </summary>
internal sealed class PageCursor(IEnumerator<JsonObject> rows, int position) : IDisposable
{
    private readonly Lock gate = new();
    private readonly List<JsonObject> ahead = [];
    private int position = position;
    private (int Offset, int Size, List<JsonObject> Window)? last;
    private bool disposed;

    /// <summary>
    /// Rows <paramref name="offset"/> … offset + size (one extra, to tell whether another page follows), or null when the
    /// cursor is elsewhere (or closed) and the caller must seek from the start instead.
    /// </summary>
    public List<JsonObject>? TryTake(int offset, int size)
    {
        lock (gate)
        {
            if (last is { } repeat && repeat.Offset == offset && repeat.Size == size)
            {
                // The first answer's body owns those nodes now (a JsonNode has one parent): answer with copies.
                return repeat.Window.Select(row => row.DeepClone().AsObject()).ToList();
            }

            if (disposed || offset != position)
            {
                return null;
            }

            while (ahead.Count < size + 1 && rows.MoveNext())
            {
                ahead.Add(rows.Current);
            }

            var window = ahead.ToList();
            var served = Math.Min(size, ahead.Count);
            ahead.RemoveRange(0, served);
            position += served;
            last = (offset, size, window);
            return window;
        }
    }

    public void Dispose()
    {
        lock (gate)
        {
            if (!disposed)
            {
                disposed = true;
                rows.Dispose();
            }
        }
    }
}
