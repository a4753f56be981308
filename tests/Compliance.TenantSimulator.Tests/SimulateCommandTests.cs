using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using Compliance.TenantSimulator.CommandLine;
using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.Tests;

public class SimulateCommandTests
{
    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [Fact]
    public async Task Simulate_serves_a_generated_tenant_over_plain_http_with_the_printed_credentials_until_cancelled()
    {
        var port = FreePort();
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var export = Path.Combine(Path.GetTempPath(), "sim-export-" + Guid.NewGuid().ToString("N"));
        var request = new SimulateRequest(new Uri($"http://127.0.0.1:{port}"), null, TenantScale.Small, 3, FaultProfile.None, export);
        var run = SimulatorConsole.RunAsync(request, output, TimeProvider.System, stop.Token);
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (!output.ToString().Contains("started in", StringComparison.Ordinal) && !run.IsCompleted && DateTime.UtcNow < deadline)
            {
                await Task.Delay(50);
            }

            var text = output.ToString();
            Assert.Contains($"http://127.0.0.1:{port}/", text, StringComparison.Ordinal);
            string Field(string name) => Regex.Match(text, $@"{name}\s+(\S+)").Groups[1].Value;
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials",
                ["client_id"] = Field("client id"),
                ["client_secret"] = Field("client secret"),
                ["scope"] = "https://graph.microsoft.com/.default",
            });
            using var token = await http.PostAsync($"{Field("tenant id")}/oauth2/v2.0/token", form);
            Assert.Equal(HttpStatusCode.OK, token.StatusCode);
            using var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
            http.DefaultRequestHeaders.Authorization = new("Bearer", tokenJson.RootElement.GetProperty("access_token").GetString());

            // One full paged read: every service principal exactly once, nextLinks on the same plain-http origin.
            var url = "v1.0/servicePrincipals?$top=100&$select=id,appId";
            var ids = new List<string>();
            while (url is not null)
            {
                using var page = JsonDocument.Parse(await http.GetStringAsync(url));
                ids.AddRange(page.RootElement.GetProperty("value").EnumerateArray().Select(v => v.GetProperty("id").GetString()!));
                url = page.RootElement.TryGetProperty("@odata.nextLink", out var next) ? next.GetString() : null;
                Assert.True(url is null || url.StartsWith($"http://127.0.0.1:{port}/", StringComparison.Ordinal), url);
            }

            Assert.Equal(320, ids.Count);
            Assert.Equal(320, ids.Distinct().Count());

            using var register = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(export, "register.json")));
            Assert.True(register.RootElement.GetProperty("Integrations").GetProperty("generated-small").GetArrayLength() > 30);
            Assert.True(File.Exists(Path.Combine(export, "expected-findings.json")));
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run);
            Directory.Delete(export, recursive: true);
        }

        Assert.Contains("Tenant simulator stopped.", output.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_listen_url_off_loopback_is_refused()
    {
        var fixture = TenantFixture.Generate(TenantScale.Small, 1, TestTenant.Anchor);
        await Assert.ThrowsAsync<ArgumentException>(() =>
            SimulatorHost.StartAsync(fixture, new SimulatorOptions { ListenUri = new Uri("http://0.0.0.0:5099") }, CancellationToken.None));
    }
}
