using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Compliance.Collectors;
using Compliance.Collectors.Pacing;
using Compliance.Storage;
using Compliance.TenantSimulator;
using Compliance.Worker.Alerts;
using Compliance.Worker.Authentication;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Drills;

/// <summary>
/// Secrets drill (issue 8, drill 4): a review with a known client secret, then one with a certificate whose PFX
/// password is known, each followed by an alert mail; then every byte the runs left behind — database (with its WAL),
/// run log, reports, the mail outbox and files written to the temp folder meanwhile — is searched for the secret and
/// the password, as UTF-8 and UTF-16 text and in base64. Zero hits.
/// </summary>
public class SecretsDrillTests
{
    [Fact]
    public async Task Known_secret_and_certificate_password_appear_nowhere_the_runs_wrote()
    {
        var started = DateTime.UtcNow;
        using var workspace = new TestWorkspace();
        await File.WriteAllTextAsync(workspace.ConfigPath, workspace.Settings.ToJsonString());
        var settings = SettingsLoader.Load(workspace.ConfigPath);
        var secret = "Q~drill-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var password = "pfx-password-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        var outbox = Path.Combine(workspace.Folder, "outbox");
        var pfx = Path.Combine(workspace.Folder, "auditor.pfx");
        await File.WriteAllBytesAsync(pfx, SelfSignedPfx(password));

        var time = TimeProvider.System;
        var fixture = TenantFixture.LoadDemo(time.GetUtcNow());
        await using var host = await SimulatorHost.StartAsync(fixture,
            new SimulatorOptions { ClientSecret = secret, OutboxDirectory = outbox, Throttling = false, TimeScale = 0.02 }, CancellationToken.None);
        var endpoints = CloudEndpoints.ForSimulator(host.BaseUri);
        var transport = PinnedCertificate.Handler(host.Certificate.GetCertHashString(HashAlgorithmName.SHA256));
        using var certificate = X509CertificateLoader.LoadPkcs12FromFile(pfx, password);
        var log = new StringWriter();
        var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, CancellationToken.None);
        foreach (var (credential, source) in new[]
                 {
                     (TenantCredentials.ClientSecret(host.TenantId, fixture.AuditorAppId, secret, endpoints, transport), new CredentialSource("client secret", "drill")),
                     (TenantCredentials.Certificate(host.TenantId, fixture.AuditorAppId, certificate, endpoints, transport), new CredentialSource("certificate from file", pfx)),
                 })
        {
            await using var session = new ConfiguredTenantSession("demo", new TenantConnection(host.TenantId, endpoints, credential, transport), source);
            var runLog = new RunLog(log, time);
            var pipeline = new ReviewPipeline(settings, time, runLog)
            {
                // The simulator answers at the demo's pace (time scale 0.02), not Microsoft's real limits.
                CollectionDefaults = CollectionOptions.Default with { AuditPollInterval = TimeSpan.FromMilliseconds(200), Pacing = SourcePacing.Microsoft.Scale(0.02) },
            };
            var outcome = await pipeline.RunAsync(session, new ReviewRequest("demo", false, null, null), CancellationToken.None);
            var alerts = new AlertService(settings, database, time, runLog);
            await alerts.EnqueueDailyAsync("demo", outcome.Run.Id, CancellationToken.None);
            await alerts.DeliverAsync("demo", session.Connection, CancellationToken.None);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var written = Directory.GetFiles(workspace.Folder, "*", SearchOption.AllDirectories).Where(f => f != pfx)
            .Concat(TempFilesSince(started, workspace.Folder))
            .ToList();
        var needles = Needles(secret).Concat(Needles(password)).ToList();
        var hits = written.Where(f => Contains(f, needles)).ToList();
        var logHits = needles.Count(n => Encoding.UTF8.GetBytes(log.ToString()).AsSpan().IndexOf(n) >= 0);

        foreach (var kind in new[] { ".db", ".pdf", ".xlsx", "findings.json", "manifest.json", ".eml" })
        {
            Assert.Contains(written, f => f.EndsWith(kind, StringComparison.Ordinal));
        }

        Assert.Empty(hits);
        Assert.Equal(0, logHits);
    }

    /// <summary>The text as UTF-8, UTF-16LE and base64 (a secret pasted into a header or a JSON blob).</summary>
    private static IEnumerable<byte[]> Needles(string text) =>
        [Encoding.UTF8.GetBytes(text), Encoding.Unicode.GetBytes(text), Encoding.UTF8.GetBytes(Convert.ToBase64String(Encoding.UTF8.GetBytes(text)))];

    private static bool Contains(string path, IReadOnlyList<byte[]> needles)
    {
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (IOException)
        {
            return false; // removed meanwhile (another test's temp file)
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }

        return needles.Any(n => bytes.AsSpan().IndexOf(n) >= 0);
    }

    /// <summary>
    /// Files the product may have written to the temp folder since the drill started, outside the workspace: its temporary
    /// files and folders are named compliance* (workbook buffers, test workspaces). Nothing else in the temp folder is read:
    /// it holds other processes' named pipes (the runtime's clr-debug-pipe-*), and opening a FIFO blocks until a writer
    /// comes. Files over 64 MB are skipped.
    /// </summary>
    private static List<string> TempFilesSince(DateTime started, string workspace)
    {
        var temp = Path.GetTempPath();
        var recursive = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = FileAttributes.ReparsePoint };
        var ours = Directory.EnumerateDirectories(temp, "compliance*")
            .Where(d => !d.StartsWith(workspace, StringComparison.Ordinal))
            .SelectMany(d => Directory.EnumerateFiles(d, "*", recursive));
        return Directory.EnumerateFiles(temp, "compliance*").Concat(ours)
            .Where(f =>
            {
                var info = new FileInfo(f);
                return info.Exists && info.LastWriteTimeUtc >= started && info.Length is > 0 and < 64L * 1024 * 1024;
            })
            .ToList();
    }

    private static byte[] SelfSignedPfx(string password)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=compliance-auditor-drill", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return certificate.Export(X509ContentType.Pfx, password);
    }
}
