using System.Globalization;
using Compliance.Collectors.Incremental;
using Compliance.Collectors.Internal;
using Compliance.Collectors.Wire;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Service-principal sign-ins in the review window, from Graph beta auditLogs/signIns with the servicePrincipal
/// event-type filter — without it only interactive sign-ins come back, and v1.0 has neither the filter nor
/// clientCredentialType (m365-apis.md §0.1, §1.1) — or, when a workspace is configured, from Log Analytics
/// AADServicePrincipalSignInLogs (§1.3). There is no delta query, so the watermark is our own (§1.1 [S30]).
/// </summary>
internal sealed class SignInsCollector(TenantConnection connection, SourceContext source, ReviewWindow window, CollectionOptions options, IIncrementalStore? store)
{
    private const string Filter = "signInEventTypes/any(t: t eq 'servicePrincipal')";

    private static readonly SourceRequirement Graph = SourceRequirement.Graph(
        "AuditLog.Read.All", licence: "Reading sign-in logs through Graph needs Microsoft Entra ID P1 or P2 (m365-apis.md §1.1); "
        + "alternatively route ServicePrincipalSignInLogs to a Log Analytics workspace and configure it");

    private static readonly SourceRequirement Workspace = new("Log Analytics Reader", PermissionGuide.LogAnalyticsReader);

    public async Task<ActivityOutcome<ServicePrincipalSignIn>> CollectAsync(CancellationToken ct)
    {
        var need = options.SignInWorkspace is null ? Graph : Workspace;
        LogCoverage? coverage = null;
        var outcome = await SourceRunner.RunActivityAsync(source, need, async token =>
        {
            var ledger = new ActivityLedger<ServicePrincipalSignIn>(
                store, connection.TenantId, EvidenceSources.SignIns, ActivityJson.Default.ServicePrincipalSignIn, s => s.Id);
            var key = options.SignInWorkspace is { } ws ? $"{EvidenceSources.SignIns}:logAnalytics:{ws.WorkspaceId}" : EvidenceSources.SignIns;
            string? partial = null;
            var quality = new DataQuality();
            var scope = options.SignInWorkspace is null ? connection.Endpoints.GraphScope : connection.Endpoints.LogAnalyticsScope;
            using var http = SourceHttp.Create(connection, source, scope);
            var workspace = options.SignInWorkspace is { } w ? new LogAnalyticsSignIns(connection, new JsonApi(http, "Log Analytics"), w) : null;
            coverage = workspace is null ? null : await workspace.CoverageAsync(window, token);
            if (await ledger.PlanAsync(key, window, options.IncrementalOverlap, token) is { } range)
            {
                partial = workspace is not null
                    ? await workspace.ReadAsync(range, ledger, token)
                    : await ReadGraphAsync(new JsonApi(http, "Graph beta"), range, ledger, quality, token);
                if (partial is null)
                {
                    // Only a complete read moves the watermark: after a partial one the next run reads the range again.
                    // Records without an id cannot be stored (the id is the ledger's key); rereading would not give them one.
                    await ledger.CompleteAsync(key, range, token);
                }
            }

            return (await ledger.ReadWindowAsync(window, token), quality.Warning(partial));
        }, ct);

        // Graph's coverage follows from its documented 30 days (ActivityWindow); a workspace's is what it answered.
        return coverage is null || outcome.Result.State == SourceState.NotCollected
            ? outcome
            : outcome with { Result = outcome.Result with { CoverageStart = coverage.Start, CoverageNote = coverage.Note } };
    }

    /// <summary>
    /// Damaged sign-ins are counted, never dropped or guessed silently: one without an id is not kept (it has no key to
    /// store or deduplicate by); one without a status is kept with result unknown (-1), not read as a success; an
    /// unknown credential type is kept as sent.
    /// </summary>
    private static List<BetaSignIn> Inspect(IReadOnlyList<BetaSignIn> page, DataQuality quality)
    {
        quality.Count("sign-in record(s) had no id and were not stored", page.Count(s => string.IsNullOrEmpty(s.Id)));
        var kept = page.Where(s => !string.IsNullOrEmpty(s.Id)).ToList();
        quality.Count("sign-in record(s) had no status and were kept with result unknown", kept.Count(s => s.Status is null));
        foreach (var unknown in kept.Where(s => !KnownCredentialType(s.ClientCredentialType)).GroupBy(s => s.ClientCredentialType, StringComparer.Ordinal))
        {
            quality.Count($"sign-in record(s) had clientCredentialType '{unknown.Key}', a value this version does not know", unknown.Count());
        }

        return kept;
    }

    /// <summary>
    /// The clientCredentialType members of the beta signIn resource (Microsoft Learn, "signIn resource type", beta);
    /// with Prefer: include-unknown-enum-members Graph sends newer members by name instead of unknownFutureValue.
    /// </summary>
    private static bool KnownCredentialType(string? type) => type is null
        || KnownCredentialTypes.Contains(type);

    private static readonly HashSet<string> KnownCredentialTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "none", "clientSecret", "clientAssertion", "federatedIdentityCredential", "managedIdentity", "certificate",
    };

    private async Task<string?> ReadGraphAsync(JsonApi api, CoveredRange range, ActivityLedger<ServicePrincipalSignIn> ledger, DataQuality quality, CancellationToken ct)
    {
        var filter = $"{Filter} and createdDateTime ge {ODataTime.Format(range.From)} and createdDateTime lt {ODataTime.Format(range.To)}";
        var first = new Uri($"{connection.Endpoints.GraphBetaUrl.AbsoluteUri}/auditLogs/signIns?$filter={Uri.EscapeDataString(filter)}&$top=1000");
        return await PagedRead.EachPageAsync(
            first,
            // Microsoft's own beta sign-in examples send this header so new enum members are not masked (m365-apis.md §1.1).
            (url, token) => api.GetAsync(url, WireJson.Default.ODataPageBetaSignIn, token, ("Prefer", "include-unknown-enum-members")),
            page => page.NextLink,
            (page, token) => ledger.AddAsync(Inspect(page.Value, quality).ConvertAll(Map), token),
            Graph,
            ct);
    }

    private static ServicePrincipalSignIn Map(BetaSignIn s) => new(
        s.Id!, s.CreatedDateTime, s.AppId ?? "", s.IpAddress, s.Status?.ErrorCode ?? UnknownResult, s.Status?.FailureReason,
        s.ClientCredentialType, EmptyToNull(s.ServicePrincipalCredentialKeyId), s.ResourceDisplayName);

    /// <summary>The error code kept for a sign-in whose result is unknown (no status, or a result type that is not a number).</summary>
    internal const int UnknownResult = -1;

    internal static string? EmptyToNull(string? value) => string.IsNullOrEmpty(value) ? null : value;

    internal static int ParseErrorCode(string? resultType) =>
        int.TryParse(resultType, NumberStyles.Integer, CultureInfo.InvariantCulture, out var code) ? code : resultType is null or "" ? 0 : UnknownResult;
}
