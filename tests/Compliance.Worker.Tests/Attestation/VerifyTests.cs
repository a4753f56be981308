using System.IO.Compression;
using Dapper;
using Microsoft.Data.Sqlite;

namespace Compliance.Worker.Tests.Attestation;

/// <summary>
/// `verify` and `attest` through the real CLI after a real `review --demo`: an untouched run verifies, and a
/// one-byte change to a stored evidence page, a report file or an attestation is found and named.
/// </summary>
public class VerifyTests
{
    internal static async Task<(TestWorkspace Workspace, string RunId, string Directory)> ReviewedAsync()
    {
        var workspace = new TestWorkspace();
        var (exit, output, error) = await workspace.RunAsync("review", "--demo");
        Assert.True(exit == 0, $"{output}\n{error}");
        var runId = output.Split(' ', 3)[1].TrimEnd(':');
        var period = DateTimeOffset.UtcNow.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        return (workspace, runId, Path.Combine(workspace.ReportsRoot, "demo", period));
    }

    internal static SqliteConnection Open(TestWorkspace workspace)
    {
        var connection = new SqliteConnection($"Data Source={workspace.Settings["Storage"]!["DatabasePath"]}");
        connection.Open();
        return connection;
    }

    [Fact]
    public async Task Untouched_run_verifies_and_one_changed_byte_in_a_stored_evidence_page_fails_naming_the_page()
    {
        var (workspace, runId, _) = await ReviewedAsync();
        using var _ = workspace;
        var clean = await workspace.RunAsync("verify", "--run", runId);
        Assert.True(clean.ExitCode == 0, clean.Out + clean.Error);
        Assert.Contains("verify: passed", clean.Out, StringComparison.Ordinal);

        using (var connection = Open(workspace))
        {
            var (source, sequence, gzip) = connection.QueryFirst<(string, long, byte[])>(
                "SELECT source, sequence, body_gzip FROM evidence_pages WHERE run_id = @runId ORDER BY source, sequence", new { runId });
            var body = Decompress(gzip);
            body[body.Length / 2] ^= 0x01;
            connection.Execute("UPDATE evidence_pages SET body_gzip = @blob WHERE run_id = @runId AND source = @source AND sequence = @sequence",
                new { blob = Compress(body), runId, source, sequence });
            SqliteConnection.ClearAllPools();

            var tampered = await workspace.RunAsync("verify");
            Assert.Equal(4, tampered.ExitCode);
            Assert.Contains($"evidence page {source}/page-{sequence:D4}.json changed", tampered.Out, StringComparison.Ordinal);
            Assert.Contains("verify: FAILED", tampered.Out, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_changed_byte_in_a_published_report_fails_verify_naming_the_file_and_refuses_attestation()
    {
        var (workspace, runId, directory) = await ReviewedAsync();
        using var _ = workspace;
        var pdf = Directory.GetFiles(directory, "*.pdf").Single();
        await FlipOneByteAsync(pdf);

        var verify = await workspace.RunAsync("verify", "--run", runId);
        Assert.Equal(4, verify.ExitCode);
        Assert.Contains($"report file {pdf} changed", verify.Out, StringComparison.Ordinal);

        var attest = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "ciso@contoso-demo.example");
        Assert.Equal(4, attest.ExitCode);
        Assert.Contains("attest refused", attest.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attestations_chain_and_a_rewritten_attestation_fails_verify()
    {
        var (workspace, runId, _) = await ReviewedAsync();
        using var _ = workspace;
        var first = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "ciso@contoso-demo.example", "--statement", "Reviewed.\nAccepted.");
        Assert.True(first.ExitCode == 0, first.Out + first.Error);
        var firstHash = ChainHash(first.Out);
        var second = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "auditor@contoso-demo.example");
        Assert.Equal(0, second.ExitCode);
        Assert.Contains($"previous        {firstHash}", second.Out, StringComparison.Ordinal);
        Assert.NotEqual(firstHash, ChainHash(second.Out));
        Assert.Equal(0, (await workspace.RunAsync("verify")).ExitCode);

        using (var connection = Open(workspace))
        {
            connection.Execute("UPDATE attestations SET reviewer = 'someone-else@contoso-demo.example' WHERE seq = 1");
        }

        SqliteConnection.ClearAllPools();
        var verify = await workspace.RunAsync("verify");
        Assert.Equal(4, verify.ExitCode);
        Assert.Contains("attestation #1", verify.Out, StringComparison.Ordinal);
        Assert.Contains("chain hash changed", verify.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attest_fills_in_the_PDF_attestation_page_verify_passes_and_one_changed_byte_of_the_attested_PDF_fails()
    {
        var (workspace, runId, directory) = await ReviewedAsync();
        using var _ = workspace;
        var pdf = Directory.GetFiles(directory, "*.pdf").Single();
        var published = await File.ReadAllBytesAsync(pdf);

        var attest = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "ciso@contoso-demo.example", "--statement", "Reviewed with the CISO; accepted.");
        Assert.True(attest.ExitCode == 0, attest.Out + attest.Error);
        Assert.NotEqual(published, await File.ReadAllBytesAsync(pdf));
        using (var document = UglyToad.PdfPig.PdfDocument.Open(pdf))
        {
            var page = document.GetPage(document.NumberOfPages).Text;
            Assert.Contains("ciso@contoso-demo.example", page, StringComparison.Ordinal);
            Assert.Contains("Reviewed with the CISO; accepted.", page, StringComparison.Ordinal);
            Assert.DoesNotContain("Not yet attested", page, StringComparison.Ordinal);
        }

        Assert.Empty(Directory.GetFiles(directory, "*.tmp"));
        await AssertVerifiesUntilOneByteChangesAsync(workspace, pdf, "attested sha256");
    }

    [Fact]
    public async Task When_the_sign_off_cannot_be_recorded_the_published_PDF_and_workbook_stay_as_they_were()
    {
        var (workspace, runId, directory) = await ReviewedAsync();
        using var _ = workspace;
        var pdf = Directory.GetFiles(directory, "*.pdf").Single();
        var published = await File.ReadAllBytesAsync(pdf);
        var workbook = Directory.GetFiles(directory, "*.xlsx").Single();
        var publishedWorkbook = await File.ReadAllBytesAsync(workbook);
        using (var connection = Open(workspace))
        {
            connection.Execute("CREATE TRIGGER refuse_sign_off BEFORE INSERT ON attestations BEGIN SELECT RAISE(ABORT, 'sign-off refused by test trigger'); END;");
        }

        SqliteConnection.ClearAllPools();
        var attest = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "ciso@contoso-demo.example");
        Assert.NotEqual(0, attest.ExitCode);
        Assert.Equal(published, await File.ReadAllBytesAsync(pdf));
        Assert.Equal(publishedWorkbook, await File.ReadAllBytesAsync(workbook));
        Assert.Empty(Directory.GetFiles(directory, "*.tmp", SearchOption.AllDirectories));
        Assert.Equal(0, (await workspace.RunAsync("verify")).ExitCode);
    }

    [Fact]
    public async Task Attest_refuses_an_unknown_run_and_a_reviewer_that_is_not_a_upn_with_exit_2()
    {
        var (workspace, runId, _) = await ReviewedAsync();
        using var _ = workspace;
        var unknown = await workspace.RunAsync("attest", "--run", "no-such-run", "--reviewer", "ciso@contoso-demo.example");
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("--run: 'no-such-run'", unknown.Error, StringComparison.Ordinal);
        var badReviewer = await workspace.RunAsync("attest", "--run", runId, "--reviewer", "ciso");
        Assert.Equal(2, badReviewer.ExitCode);
        Assert.Contains("--reviewer", badReviewer.Error, StringComparison.Ordinal);
    }

    /// <summary>Verify passes; then one byte of a report file flips and verify must exit 4 naming the file and the hash it no longer matches.</summary>
    internal static async Task AssertVerifiesUntilOneByteChangesAsync(TestWorkspace workspace, string path, string expected)
    {
        var verify = await workspace.RunAsync("verify");
        Assert.True(verify.ExitCode == 0, verify.Out + verify.Error);
        await FlipOneByteAsync(path);
        var tampered = await workspace.RunAsync("verify");
        Assert.Equal(4, tampered.ExitCode);
        Assert.Contains($"report file {path} changed: {expected}", tampered.Out, StringComparison.Ordinal);
    }

    internal static async Task FlipOneByteAsync(string path)
    {
        var bytes = await File.ReadAllBytesAsync(path);
        bytes[bytes.Length / 3] ^= 0x20;
        await File.WriteAllBytesAsync(path, bytes);
    }

    private static string ChainHash(string output) =>
        output.Split('\n').Single(l => l.TrimStart().StartsWith("chain hash", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1].Trim();

    private static byte[] Decompress(byte[] gzip)
    {
        using var input = new GZipStream(new MemoryStream(gzip), CompressionMode.Decompress);
        using var output = new MemoryStream();
        input.CopyTo(output);
        return output.ToArray();
    }

    private static byte[] Compress(byte[] body)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(body);
        }

        return output.ToArray();
    }
}
