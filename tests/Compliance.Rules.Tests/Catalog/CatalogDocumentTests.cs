using Compliance.Rules.Catalog;

namespace Compliance.Rules.Tests.Catalog;

public class CatalogDocumentTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Compliance.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Compliance.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Docs_controls_md_matches_the_code()
    {
        var path = Path.Combine(RepositoryRoot(), "docs", "controls.md");
        var rendered = CatalogDocument.Render(RuleCatalog.All);
        Assert.True(File.Exists(path), "docs/controls.md is missing: dotnet run --project src/Compliance.Worker -- catalog > docs/controls.md");
        Assert.True(
            File.ReadAllText(path) == rendered,
            "docs/controls.md has drifted from the rules: dotnet run --project src/Compliance.Worker -- catalog > docs/controls.md");
    }

    [Fact]
    public void Every_rule_appears_with_its_remediation()
    {
        var rendered = CatalogDocument.Render(RuleCatalog.All);
        foreach (var rule in RuleCatalog.All)
        {
            Assert.Contains($"## {rule.Metadata.Id}", rendered, StringComparison.Ordinal);
            Assert.Contains(rule.Metadata.Remediation, rendered, StringComparison.Ordinal);
        }
    }
}
