namespace Compliance.Reports.Tests;

public class ManifestChainTests
{
    private static readonly EvidenceFileHash[] Evidence =
    [
        new("applications/page-0001.json", new string('a', 64), 100),
        new("servicePrincipals/page-0001.json", new string('b', 64), 200),
    ];

    private static readonly ReportFileHash[] Reports =
    [
        new("compliance-review-contoso-2026-11.pdf", new string('c', 64), 300),
        new("findings.json", new string('d', 64), 400),
    ];

    private static readonly string Previous = new('e', 64);

    [Fact]
    public void Is_deterministic_lowercase_sha256_hex()
    {
        var hash = ManifestChain.ComputeChainHash(Previous, Evidence, Reports);
        Assert.Equal(hash, ManifestChain.ComputeChainHash(Previous, Evidence, Reports));
        Assert.Matches("^[0-9a-f]{64}$", hash);
    }

    [Fact]
    public void Does_not_depend_on_list_order_or_hex_case()
    {
        var hash = ManifestChain.ComputeChainHash(Previous, Evidence, Reports);
        Assert.Equal(hash, ManifestChain.ComputeChainHash(Previous.ToUpperInvariant(), [.. Evidence.Reverse()], [.. Reports.Reverse()]));
    }

    [Fact]
    public void Changes_when_anything_chained_changes()
    {
        var hash = ManifestChain.ComputeChainHash(Previous, Evidence, Reports);
        string[] variants =
        [
            ManifestChain.ComputeChainHash(null, Evidence, Reports),
            ManifestChain.ComputeChainHash(new string('f', 64), Evidence, Reports),
            ManifestChain.ComputeChainHash(Previous, [Evidence[0] with { Sha256 = new string('0', 64) }, Evidence[1]], Reports),
            ManifestChain.ComputeChainHash(Previous, [Evidence[0] with { Bytes = 101 }, Evidence[1]], Reports),
            ManifestChain.ComputeChainHash(Previous, [Evidence[0] with { Name = "applications/page-0002.json" }, Evidence[1]], Reports),
            ManifestChain.ComputeChainHash(Previous, Evidence, [Reports[0] with { Sha256 = new string('1', 64) }, Reports[1]]),
            ManifestChain.ComputeChainHash(Previous, [Evidence[0]], Reports),
            // An evidence file must not be able to stand in for a report of the same name and hash.
            ManifestChain.ComputeChainHash(Previous, [.. Evidence, new EvidenceFileHash(Reports[1].Name, Reports[1].Sha256, Reports[1].Bytes)], [Reports[0]]),
        ];
        Assert.All(variants, v => Assert.NotEqual(hash, v));
        Assert.Equal(variants.Length, variants.Distinct().Count());
    }

    [Fact]
    public void Rejects_names_that_would_make_the_text_ambiguous()
    {
        Assert.Throws<ArgumentException>(() => ManifestChain.ComputeChainHash(null, [new EvidenceFileHash("a\nreport\tx", "00", 1)], []));
    }
}
