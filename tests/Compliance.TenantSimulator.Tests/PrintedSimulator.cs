using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Compliance.TenantSimulator.Tests;

/// <summary>A `simulate` run used as a client outside the process would: from the lines it prints at start.</summary>
internal static class PrintedSimulator
{
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Waits (up to a minute) for the "started in" line, or for the run to end first.</summary>
    public static async Task WaitUntilStartedAsync(StringWriter output, Task run)
    {
        for (var waited = 0; !output.ToString().Contains("started in", StringComparison.Ordinal) && !run.IsCompleted && waited < 1200; waited++)
        {
            await Task.Delay(50);
        }
    }

    /// <summary>A printed field ("  client id      f7d7…"); the certificate's value is "sha256 HEX".</summary>
    public static string Field(string printed, string name) => Regex.Match(printed, $@"  {name}\s+(\S+(?: [0-9A-F]{{64}})?)").Groups[1].Value;

    /// <summary>Obtains a Graph token with the printed client id and secret and sends it on every later request.</summary>
    public static async Task SignInAsync(HttpClient http, string printed)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = Field(printed, "client id"), ["client_secret"] = Field(printed, "client secret"),
            ["scope"] = "https://graph.microsoft.com/.default",
        });
        using var token = await http.PostAsync($"{Field(printed, "tenant id")}/oauth2/v2.0/token", form);
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        using var tokenJson = JsonDocument.Parse(await token.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new("Bearer", tokenJson.RootElement.GetProperty("access_token").GetString());
    }
}
