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

    private static Task<CollectedEvidence> CollectAsync(RunningTenant tenant, Action<JsonObject>? rewrite, bool everyPage = false)
    {
        var connection = tenant.Connection();
        if (rewrite is not null)
        {
            var inner = connection.TransportFactory!;
            connection = connection with { TransportFactory = () => new SignInPageRewriter(rewrite, everyPage) { InnerHandler = inner() } };
        }

        return new EvidenceCollection(connection, new MemorySink(), TimeProvider.System, RunningTenant.Window, RunningTenant.Options).CollectAsync(null, CancellationToken.None);
    }

    /// <summary>Rewrites the first sign-in page the collector receives, or every one (other sources pass untouched).</summary>
    private sealed class SignInPageRewriter(Action<JsonObject> rewrite, bool everyPage) : DelegatingHandler
    {
        private readonly object gate = new();
        private bool done;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (!response.IsSuccessStatusCode || request.RequestUri?.AbsolutePath.Contains("/auditLogs/signIns", StringComparison.OrdinalIgnoreCase) != true)
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
