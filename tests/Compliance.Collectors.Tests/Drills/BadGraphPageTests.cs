using System.Text;
using System.Text.Json.Nodes;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Tests.Drills;

/// <summary>
/// Bad input corpus (issue 8, drill 3), Graph pages: each case ends in a clear error or a counted, reported
/// data-quality warning on the source — never a crash, never a silent drop.
/// </summary>
public class BadGraphPageTests
{
    private const string SignInsPath = "/auditLogs/signIns";
    private const string ServicePrincipalsPath = "/servicePrincipals";
    private const int TenMegabytes = 10 * 1024 * 1024;

    [Fact]
    public async Task Graph_page_sign_in_with_null_status_is_kept_as_result_unknown_and_counted_not_read_as_a_success()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var clean = await CollectAsync(tenant, rewrite: null);
        var evidence = await CollectAsync(tenant, rewrite: page => page["value"]!.AsArray()[0]!["status"] = null);

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.Partial, source.State);
        Assert.Contains("1 sign-in record(s) had no status and were kept with result unknown (data-quality warning)", source.Reason, StringComparison.Ordinal);
        Assert.Equal(clean.SignIns.Count, evidence.SignIns.Count);
        Assert.Single(evidence.SignIns, s => s.ErrorCode == -1);
    }

    [Fact]
    public async Task Graph_page_sign_in_with_an_unknown_enum_value_is_kept_as_sent_and_counted()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var evidence = await CollectAsync(tenant, rewrite: page =>
        {
            var rows = page["value"]!.AsArray();
            rows[0]!["clientCredentialType"] = "quantumEntangledKey";
            rows[1]!["clientCredentialType"] = "quantumEntangledKey";
        });

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.Partial, source.State);
        Assert.Contains("2 sign-in record(s) had clientCredentialType 'quantumEntangledKey', a value this version does not know", source.Reason, StringComparison.Ordinal);
        Assert.Equal(2, evidence.SignIns.Count(s => s.ClientCredentialType == "quantumEntangledKey"));
    }

    [Fact]
    public async Task Graph_page_sign_in_with_a_ten_megabyte_string_is_collected_whole()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var clean = await CollectAsync(tenant, rewrite: null);
        string? id = null;
        var evidence = await CollectAsync(tenant, rewrite: page =>
        {
            var row = page["value"]!.AsArray()[0]!;
            id = row["id"]!.GetValue<string>();
            row["resourceDisplayName"] = new string('r', TenMegabytes);
        });

        Assert.Equal(SourceState.Collected, evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns).State);
        Assert.Equal(clean.SignIns.Count, evidence.SignIns.Count);
        Assert.Equal(TenMegabytes, evidence.SignIns.Single(s => s.Id == id).ResourceDisplayName!.Length);
    }

    [Fact]
    public async Task Graph_page_service_principals_without_an_id_or_app_id_are_counted_not_stored_with_an_empty_key()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var clean = await CollectAsync(tenant, rewrite: null);
        var evidence = await CollectAsync(tenant, path: ServicePrincipalsPath, rewrite: page =>
        {
            var rows = page["value"]!.AsArray();
            rows[0]!.AsObject().Remove("id");
            rows[1]!["appId"] = null;
        });

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.ServicePrincipals);
        Assert.Equal(SourceState.Partial, source.State);
        Assert.Contains("2 service principal record(s) had no id or appId and were not stored (data-quality warning)", source.Reason, StringComparison.Ordinal);
        Assert.Equal(clean.ServicePrincipals.Count - 2, evidence.ServicePrincipals.Count);
        Assert.DoesNotContain(evidence.ServicePrincipals, sp => sp.ObjectId.Length == 0 || sp.AppId.Length == 0);
    }

    [Fact]
    public async Task Graph_page_service_principal_with_null_where_a_value_is_expected_is_kept_as_enabled_and_counted()
    {
        await using var tenant = await RunningTenant.StartAsync();
        string? id = null;
        var evidence = await CollectAsync(tenant, path: ServicePrincipalsPath, rewrite: page =>
        {
            var row = page["value"]!.AsArray()[0]!;
            id = row["id"]!.GetValue<string>();
            row["accountEnabled"] = null;
            row["passwordCredentials"] = null;
        });

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.ServicePrincipals);
        Assert.Equal(SourceState.Partial, source.State);
        Assert.Contains("1 service principal record(s) had no accountEnabled and were kept as enabled", source.Reason, StringComparison.Ordinal);
        Assert.True(evidence.ServicePrincipals.Single(sp => sp.ObjectId == id).AccountEnabled);
    }

    [Fact]
    public async Task Graph_page_service_principal_with_a_ten_megabyte_display_name_is_collected_whole()
    {
        await using var tenant = await RunningTenant.StartAsync();
        string? id = null;
        var evidence = await CollectAsync(tenant, path: ServicePrincipalsPath, rewrite: page =>
        {
            var row = page["value"]!.AsArray()[0]!;
            id = row["id"]!.GetValue<string>();
            row["displayName"] = new string('n', TenMegabytes);
        });

        Assert.Equal(SourceState.Collected, evidence.Sources.Single(s => s.Name == EvidenceSources.ServicePrincipals).State);
        Assert.Equal(TenMegabytes, evidence.ServicePrincipals.Single(sp => sp.ObjectId == id).DisplayName.Length);
    }

    [Fact]
    public async Task Graph_page_sign_ins_without_an_id_are_counted_in_the_source_reason_not_dropped_silently()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var clean = await CollectAsync(tenant, rewrite: null);
        var evidence = await CollectAsync(tenant, rewrite: page =>
        {
            // Two records of the first sign-in page lose their id: one absent, one null.
            var rows = page["value"]!.AsArray();
            rows[0]!.AsObject().Remove("id");
            rows[1]!["id"] = null;
        });

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.Equal(SourceState.Partial, source.State);
        Assert.Contains("2 sign-in record(s) had no id and were not stored", source.Reason, StringComparison.Ordinal);
        Assert.Equal(clean.SignIns.Count - 2, evidence.SignIns.Count);
        Assert.Equal(SourceState.Collected, clean.Sources.Single(s => s.Name == EvidenceSources.SignIns).State);
    }

    [Fact]
    public async Task Graph_page_sign_in_with_a_wrong_typed_field_fails_the_source_with_a_clear_reason()
    {
        await using var tenant = await RunningTenant.StartAsync();
        var evidence = await CollectAsync(tenant, rewrite: page => page["value"]!.AsArray()[0]!["createdDateTime"] = new JsonObject { ["not"] = "a date" }, everyPage: true);

        var source = evidence.Sources.Single(s => s.Name == EvidenceSources.SignIns);
        Assert.NotEqual(SourceState.Collected, source.State);
        Assert.False(string.IsNullOrWhiteSpace(source.Reason));
        Assert.All(evidence.Sources.Where(s => s.Name != EvidenceSources.SignIns), s => Assert.NotEqual(SourceState.NotCollected, s.State));
    }

    private static Task<CollectedEvidence> CollectAsync(RunningTenant tenant, Action<JsonObject>? rewrite, bool everyPage = false, string path = SignInsPath)
    {
        var connection = tenant.Connection();
        if (rewrite is not null)
        {
            var inner = connection.TransportFactory!;
            connection = connection with { TransportFactory = () => new PageRewriter(path, rewrite, everyPage) { InnerHandler = inner() } };
        }

        return new EvidenceCollection(connection, new MemorySink(), TimeProvider.System, RunningTenant.Window, RunningTenant.Options).CollectAsync(null, CancellationToken.None);
    }

    /// <summary>Rewrites the first page of one endpoint the collector receives, or every one (other sources pass untouched).</summary>
    private sealed class PageRewriter(string path, Action<JsonObject> rewrite, bool everyPage) : DelegatingHandler
    {
        private readonly object gate = new();
        private bool done;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode || request.RequestUri?.AbsolutePath.EndsWith(path, StringComparison.OrdinalIgnoreCase) != true)
            {
                return response;
            }

            lock (gate)
            {
                if (done && !everyPage)
                {
                    return response;
                }

                done = true;
            }

            var page = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            rewrite(page);
            response.Content = new StringContent(page.ToJsonString(), Encoding.UTF8, "application/json");
            return response;
        }
    }
}
