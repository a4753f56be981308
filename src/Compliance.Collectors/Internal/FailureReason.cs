using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Compliance.Collectors.Internal;

/// <summary>
/// Turns a collection failure into the admin-readable reason kept in SourceResult: what is missing (permission,
/// licence, endpoint, prerequisite, throttling budget) and how to fix it. Never silent, never a stack trace.
/// </summary>
internal static class FailureReason
{
    public static string Describe(Exception ex, SourceRequirement need) => ex switch
    {
        ODataError o => ForStatus(o.ResponseStatusCode, o.Error?.Code, o.Error?.Message, "Graph", need),
        ApiCallException a => ForStatus(a.Status, a.Code, a.ServiceMessage, a.Api, need),
        ExchangeAdminException e => e.Message,
        SourceNotCollectedException n => n.Message,
        AuthenticationFailedException a => $"token request failed: {ErrorText.Flatten(a)}",
        // Kiota's retry handler gives up with an AggregateException "Too many retries performed" (libraries-measured.md row 1c).
        AggregateException a when a.Message.Contains("retries", StringComparison.OrdinalIgnoreCase) => $"throttled out: {ErrorText.Flatten(a)}",
        ApiException k => ForStatus(k.ResponseStatusCode, null, ErrorText.Flatten(k), "Graph", need),
        MalformedPageException m => $"broken transfers: {m.Message}, still broken after the retries",
        HttpRequestException h => $"transport failure: {ErrorText.Flatten(h)}",
        _ => $"{ex.GetType().Name}: {ErrorText.Flatten(ex)}",
    };

    public static string ForStatus(int status, string? code, string? message, string api, SourceRequirement need)
    {
        var said = $"({api} {code}{(code is null ? "" : ": ")}{message})";
        if (LooksLikeLicence(code, message))
        {
            return $"licence missing: HTTP {status} {said}. {need.Licence ?? "The tenant lacks the licence this API needs"}";
        }

        return status switch
        {
            403 => $"missing permission {need.Permission}: HTTP 403 {said}. {need.HowToGrant}",
            401 when need.PrerequisiteOn401 is { } prerequisite => $"prerequisite missing: HTTP 401 {said}. {prerequisite}",
            401 => $"unauthorized: HTTP 401 {said}. {need.HowToGrant}",
            404 => $"endpoint not available: HTTP 404 {said}; this API is not offered to the tenant (or not in this cloud)",
            429 => $"throttled out: still HTTP 429 after the retries {said}; the budget is shared per app and tenant, try again later",
            503 or 504 => $"service unavailable: still HTTP {status} after the retries {said}",
            _ => $"HTTP {status} {said}",
        };
    }

    /// <summary>
    /// Sign-in logs through Graph need Entra ID P1/P2 (m365-apis.md §1.1 [S5]); Graph answers 403 with code
    /// Authentication_RequestFromNonPremiumTenantOrB2CTenant.
    /// </summary>
    private static bool LooksLikeLicence(string? code, string? message) =>
        (code?.Contains("NonPremium", StringComparison.OrdinalIgnoreCase) ?? false)
        || (message?.Contains("premium license", StringComparison.OrdinalIgnoreCase) ?? false)
        || (message?.Contains("licence", StringComparison.OrdinalIgnoreCase) ?? false)
        || (message?.Contains("license is required", StringComparison.OrdinalIgnoreCase) ?? false);
}
