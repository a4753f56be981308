namespace Compliance.Collectors.Internal;

/// <summary>
/// Retries 429/503/504 answers and broken transfers, honouring Retry-After (seconds or HTTP date) and otherwise
/// backing off 2^n seconds, like Kiota's RetryHandler (m365-apis.md §8) but on the run's TimeProvider and with the
/// retries and 429s counted for findings.json. A 429 also pauses the source's pacer, so concurrent callers sharing
/// the budget wait too. When the retries run out the last answer goes back to the caller, which names it
/// "throttled out" (FailureReason).
/// </summary>
internal sealed class ThrottleRetryHandler(SourceContext source) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            // The same message is sent again on retry; its body must be replayable (Kiota hands a stream).
            await request.Content.LoadIntoBufferAsync(cancellationToken);
        }

        var policy = source.Retry;
        for (var attempt = 0; ; attempt++)
        {
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken);
                // A connection reset mid-body surfaces only when the body is read; reading it here keeps that failure
                // inside the retry loop instead of in the caller's parser, where no retry would happen.
                await response.Content.LoadIntoBufferAsync(cancellationToken);
            }
            catch (Exception e) when (attempt < policy.MaxRetries && IsTransient(e, cancellationToken))
            {
                source.CountRetry();
                await Task.Delay(Backoff(attempt, policy), source.Time, cancellationToken);
                continue;
            }

            var status = (int)response.StatusCode;
            if (status is not (429 or 503 or 504))
            {
                return response;
            }

            if (status == 429)
            {
                source.CountThrottled();
            }

            var delay = RetryAfter(response) ?? Backoff(attempt, policy);
            if (status == 429 && source.Pacer is { } pacer)
            {
                pacer.PauseUntil(source.Time.GetUtcNow() + Cap(delay, policy));
            }

            if (attempt >= policy.MaxRetries || delay > policy.MaxDelay)
            {
                return response;
            }

            response.Dispose();
            source.CountRetry();
            await Task.Delay(Cap(delay, policy), source.Time, cancellationToken);
        }
    }

    private static bool IsTransient(Exception e, CancellationToken ct) =>
        e is HttpRequestException or MalformedPageException or IOException
        || (e is TaskCanceledException && !ct.IsCancellationRequested); // HttpClient's own timeout

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        if (header?.Delta is { } delta)
        {
            return delta;
        }

        return header?.Date is { } date ? date - source.Time.GetUtcNow() : null;
    }

    private static TimeSpan Backoff(int attempt, RetryPolicy policy) => Cap(TimeSpan.FromSeconds(Math.Pow(2, attempt)), policy);

    private static TimeSpan Cap(TimeSpan delay, RetryPolicy policy) =>
        delay < TimeSpan.Zero ? TimeSpan.Zero : delay > policy.MaxDelay ? policy.MaxDelay : delay;
}
