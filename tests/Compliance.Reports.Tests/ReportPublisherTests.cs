using System.Security.Cryptography;
using System.Text.Json;

namespace Compliance.Reports.Tests;

public sealed class ReportPublisherTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("publish-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly EvidenceFileHash[] Evidence =
    [
        new("applications/page-0001.json", new string('a', 64), 1234),
        new("appRoleGrants/page-0001.json", new string('b', 64), 567),
    ];

    [Fact]
    public async Task Writes_the_four_contract_files_and_hashes_what_is_on_disk()
    {
        var output = Path.Combine(_dir, "contoso", "2026-11");
        var previous = new string('9', 64);

        var published = await new ReportPublisher().PublishAsync(SampleReview.Create(), Evidence, previous, output, CancellationToken.None);

        Assert.Equal(
            new[] { "compliance-review-contoso-2026-11.pdf", "compliance-review-contoso-2026-11.xlsx", "findings.json", "manifest.json" },
            Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(output, published.Directory);

        foreach (var file in published.Files)
        {
            var bytes = await File.ReadAllBytesAsync(Path.Combine(output, file.Name));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.Sha256);
            Assert.Equal(bytes.LongLength, file.Bytes);
        }

        using var manifest = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal("run-2026-11-0001", root.GetProperty("runId").GetString());
        Assert.Equal(previous, root.GetProperty("previousChainHash").GetString());
        Assert.Equal(2, root.GetProperty("evidence").GetArrayLength());
        var reports = root.GetProperty("reports").EnumerateArray()
            .Select(r => new ReportFileHash(r.GetProperty("name").GetString()!, r.GetProperty("sha256").GetString()!, r.GetProperty("bytes").GetInt64()))
            .ToList();
        Assert.Equal(published.Files, reports);
        Assert.Equal(ManifestChain.ComputeChainHash(previous, Evidence, reports), root.GetProperty("chainHash").GetString());
        Assert.Equal(published.Manifest.ChainHash, root.GetProperty("chainHash").GetString());
    }

    [Fact]
    public async Task Publishing_the_same_run_twice_gives_the_same_hashes_and_chain()
    {
        var first = await new ReportPublisher().PublishAsync(SampleReview.Create(), Evidence, null, Path.Combine(_dir, "a"), CancellationToken.None);
        var second = await new ReportPublisher().PublishAsync(SampleReview.Create(), Evidence, null, Path.Combine(_dir, "b"), CancellationToken.None);

        Assert.Equal(first.Files, second.Files);
        Assert.Equal(first.Manifest.ChainHash, second.Manifest.ChainHash);
    }
}
