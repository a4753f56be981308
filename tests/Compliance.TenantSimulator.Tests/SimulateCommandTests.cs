using System.Text.Json;
using Compliance.TenantSimulator.CommandLine;
using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.Tests;

public class SimulateCommandTests
{
    [Fact]
    public async Task Simulate_serves_a_generated_tenant_over_plain_http_with_the_printed_credentials_until_cancelled()
    {
        var port = PrintedSimulator.FreePort();
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var export = Path.Combine(Path.GetTempPath(), "sim-export-" + Guid.NewGuid().ToString("N"));
        var request = new SimulateRequest(new Uri($"http://127.0.0.1:{port}"), null, TenantScale.Small, 3, FaultProfile.None, export);
        var run = SimulatorConsole.RunAsync(request, output, TimeProvider.System, stop.Token);
        try
        {
            await PrintedSimulator.WaitUntilStartedAsync(output, run);
            var text = output.ToString();
            Assert.Contains($"http://127.0.0.1:{port}/", text, StringComparison.Ordinal);
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/") };
            await PrintedSimulator.SignInAsync(http, text);

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
            Assert.True(register.RootElement.GetProperty("Integrations").GetProperty("generated-small-3").GetArrayLength() > 30);
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
