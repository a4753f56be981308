using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Compliance.Collectors.Internal;

/// <summary>Turns a collection failure into the admin-readable reason kept in SourceResult.</summary>
internal static class FailureReason
{
    public static string Describe(Exception ex, string requiredPermission) => ex switch
    {
        ODataError { ResponseStatusCode: 403 } o => $"missing permission {requiredPermission} (Graph ODataError {o.Error?.Code}: {o.Error?.Message})",
        ODataError { ResponseStatusCode: 401 } o => $"unauthorized, HTTP 401 (Graph ODataError {o.Error?.Code}: {o.Error?.Message})",
        ODataError { ResponseStatusCode: 404 } o => $"not found, HTTP 404 (Graph ODataError {o.Error?.Code}: {o.Error?.Message})",
        ODataError o => $"HTTP {o.ResponseStatusCode} (Graph ODataError {o.Error?.Code}: {o.Error?.Message})",
        ExchangeAdminException e => e.Message,
        AuthenticationFailedException a => $"token request failed: {ErrorText.Flatten(a)}",
        // Graph's retry handler gives up with an AggregateException "Too many retries performed" (libraries-measured.md row 1c).
        AggregateException a when a.Message.Contains("retries", StringComparison.OrdinalIgnoreCase) => $"retries exhausted: {ErrorText.Flatten(a)}",
        ApiException k => $"HTTP {k.ResponseStatusCode}: {ErrorText.Flatten(k)}",
        HttpRequestException h => $"transport failure: {ErrorText.Flatten(h)}",
        _ => $"{ex.GetType().Name}: {ErrorText.Flatten(ex)}",
    };
}
