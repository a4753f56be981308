namespace Compliance.Collectors.Internal;

/// <summary>
/// Follows @odata.nextLink page by page, handing each page on before fetching the next (memory stays one page
/// deep). A failure on the first page fails the source; a failure after some pages were read (retries already spent)
/// ends the read with a partial-collection reason instead, so what was read is kept and the gap is named.
/// </summary>
internal static class PagedRead
{
    public static async Task<string?> EachPageAsync<TPage>(
        Uri first, Func<Uri, CancellationToken, Task<TPage>> fetch, Func<TPage, string?> nextLink, Func<TPage, CancellationToken, Task> onPage,
        SourceRequirement need, CancellationToken ct)
    {
        var url = first;
        for (var read = 0; ; read++)
        {
            TPage page;
            try
            {
                page = await fetch(url, ct);
            }
            catch (Exception e) when (read > 0 && e is not OperationCanceledException)
            {
                return $"page {read + 1} failed after {read} page(s) were read, later pages are missing: {FailureReason.Describe(e, need)}";
            }

            await onPage(page, ct);
            if (nextLink(page) is not { Length: > 0 } next)
            {
                return null;
            }

            url = new Uri(next);
        }
    }
}
