using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Compliance.TenantSimulator.CommandLine;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.Tests;

/// <summary>`simulate --throttling off` and the certificate thumbprint printed over https (what the review benchmark relies on).</summary>
public class SimulateThrottlingOptionTests
{
    [Theory]
    [InlineData(true, HttpStatusCode.TooManyRequests)]
    [InlineData(false, HttpStatusCode.OK)]
    public async Task Ten_quick_sign_in_reads_are_throttled_only_with_throttling_on_over_a_certificate_pinned_by_its_printed_thumbprint(bool throttling, HttpStatusCode tenth)
    {
        var output = new StringWriter();
        using var stop = new CancellationTokenSource();
        var request = new SimulateRequest(new Uri("https://127.0.0.1:0"), null, null, 1, FaultProfile.None, null) { Throttling = throttling };
        var run = SimulatorConsole.RunAsync(request, output, TimeProvider.System, stop.Token);
        try
        {
            await PrintedSimulator.WaitUntilStartedAsync(output, run);
            var text = output.ToString();
            Assert.Contains($"throttling {(throttling ? "on" : "off")}", text, StringComparison.Ordinal);
            var thumbprint = Convert.FromHexString(PrintedSimulator.Field(text, "certificate").Replace("sha256 ", "", StringComparison.Ordinal));
            using var handler = new HttpClientHandler
            {
                ServerCertificateCustomValidationCallback = (_, certificate, _, _) =>
                    certificate is not null && certificate.GetCertHash(HashAlgorithmName.SHA256).AsSpan().SequenceEqual(thumbprint),
            };
            using var http = new HttpClient(handler) { BaseAddress = new Uri(Regex.Match(text, @"listening on (\S+)").Groups[1].Value) };
            await PrintedSimulator.SignInAsync(http, text);

            // Identity and access reports allow 5 requests per 10 s per app (m365-apis.md §8): the sixth and later are 429 when on.
            var statuses = new List<HttpStatusCode>();
            for (var i = 0; i < 10; i++)
            {
                using var page = await http.GetAsync("beta/auditLogs/signIns?$filter=" + Uri.EscapeDataString("signInEventTypes/any(t: t eq 'servicePrincipal')") + "&$top=1");
                statuses.Add(page.StatusCode);
            }

            Assert.All(statuses.Take(5), s => Assert.Equal(HttpStatusCode.OK, s));
            Assert.Equal(tenth, statuses[^1]);
        }
        finally
        {
            await stop.CancelAsync();
            Assert.Equal(0, await run);
        }
    }
}
