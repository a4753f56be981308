namespace Compliance.Collectors.Internal;

/// <summary>Waits for room in the source's throttling budget before every attempt (retries included).</summary>
internal sealed class PacingHandler(SourceContext source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (source.Pacer is { } pacer)
        {
            await pacer.WaitAsync(source.CostOf(request), cancellationToken);
        }

        return await base.SendAsync(request, cancellationToken);
    }
}
