using System.Text.RegularExpressions;
using Compliance.Rules.Catalog;

namespace Compliance.Rules.Tests.Catalog;

public partial class CatalogConventionTests
{
    [GeneratedRegex("^[A-Z]{3,5}-[0-9]{3}$")]
    private static partial Regex IdPattern();

    public static TheoryData<string> RuleIds()
    {
        var data = new TheoryData<string>();
        foreach (var rule in RuleCatalog.All)
        {
            data.Add(rule.Metadata.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Every_rule_has_complete_metadata_and_a_test_class(string id)
    {
        var rule = RuleCatalog.All.Single(r => r.Metadata.Id == id);
        var m = rule.Metadata;
        Assert.Matches(IdPattern(), m.Id);
        Assert.False(string.IsNullOrWhiteSpace(m.Title));
        Assert.True(m.Rationale.Length > 40, "rationale must say why the runbook asks for it");
        Assert.False(string.IsNullOrWhiteSpace(m.Remediation));
        Assert.NotEmpty(m.References);
        Assert.True(m.EvidenceSources.Count > 0 || m.JudgesSourceStatus, $"{id} names no evidence source");
        var testClass = typeof(CatalogConventionTests).Assembly.GetTypes().SingleOrDefault(t => t.Name == rule.GetType().Name + "Tests");
        Assert.True(testClass is not null, $"{id} ({rule.GetType().Name}) has no test class {rule.GetType().Name}Tests");
    }

    [Fact]
    public void Rule_ids_are_unique()
    {
        var ids = RuleCatalog.All.Select(r => r.Metadata.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
