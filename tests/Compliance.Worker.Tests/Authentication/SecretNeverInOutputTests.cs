using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Compliance.Worker.Tests.Authentication;

/// <summary>
/// A review whose token requests all fail (the identity platform of a Custom cloud does not answer): the run still
/// publishes, every source says why it was not collected — and the client secret is in none of the console output,
/// the database or the report files.
/// </summary>
public class SecretNeverInOutputTests
{
    [Fact]
    public async Task A_review_that_cannot_authenticate_never_writes_the_secret_anywhere()
    {
        using var workspace = new TestWorkspace();
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var closed = $"https://127.0.0.1:{((System.Net.IPEndPoint)listener.LocalEndpoint).Port}/";
        listener.Stop();
        var variable = "COMPLIANCE_TEST_SECRET_" + Guid.NewGuid().ToString("N");
        var secret = "Q~" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30));
        workspace.Settings["Tenants"] = new JsonObject
        {
            ["contoso"] = new JsonObject
            {
                ["TenantId"] = "72f988bf-86f1-41af-91ab-2d7cd011db47",
                ["Cloud"] = "Custom",
                ["Endpoints"] = new JsonObject { ["AuthorityHost"] = closed, ["Graph"] = closed, ["ExchangeAdmin"] = closed },
                ["Auth"] = new JsonObject { ["Mode"] = "Secret", ["ClientId"] = "11111111-1111-4111-8111-0000000000aa", ["SecretEnvironmentVariable"] = variable },
            },
        };
        Environment.SetEnvironmentVariable(variable, secret);
        (int ExitCode, string Out, string Error) result;
        try
        {
            result = await workspace.RunAsync("review", "--tenant", "contoso");
        }
        finally
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        Assert.Equal(3, result.ExitCode); // completed, sources not collected
        Assert.Contains("notCollected", await File.ReadAllTextAsync(Directory.GetFiles(workspace.ReportsRoot, "findings.json", SearchOption.AllDirectories).Single()), StringComparison.Ordinal);
        Assert.DoesNotContain(secret, result.Out + result.Error, StringComparison.Ordinal);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var needle = System.Text.Encoding.UTF8.GetBytes(secret);
        foreach (var file in Directory.GetFiles(workspace.Folder, "*", SearchOption.AllDirectories))
        {
            Assert.True((await File.ReadAllBytesAsync(file)).AsSpan().IndexOf(needle) < 0, $"the secret is in {file}");
        }
    }
}
