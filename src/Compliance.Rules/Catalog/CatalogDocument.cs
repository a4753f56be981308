using System.Text;
using Compliance.Rules.Engine;

namespace Compliance.Rules.Catalog;

/// <summary>
/// Renders docs/controls.md from the rules' own metadata, so the published catalogue cannot drift from the
/// code (a test compares the two; regenerate with `compliance catalog &gt; docs/controls.md`).
/// </summary>
public static class CatalogDocument
{
    public static string Render(IEnumerable<IRule> rules)
    {
        var ordered = rules.Select(r => r.Metadata).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        var text = new StringBuilder();
        text.Append("# Controls catalogue\n\n");
        text.Append("Generated from the code by `compliance catalog`; do not edit by hand (a test fails when it drifts).\n\n");
        text.Append("| ID | Title | Default severity | Evidence |\n|---|---|---|---|\n");
        foreach (var m in ordered)
        {
            text.Append($"| [{m.Id}](#{m.Id.ToLowerInvariant()}) | {m.Title} | {m.DefaultSeverity} | {Evidence(m)} |\n");
        }

        foreach (var m in ordered)
        {
            text.Append($"\n## {m.Id}\n\n**{m.Title}** — default severity {m.DefaultSeverity}.\n\n");
            text.Append($"*Why:* {m.Rationale}\n\n");
            text.Append($"*Remediation:* {m.Remediation}\n\n");
            text.Append($"*Evidence read:* {Evidence(m)}\n\n");
            text.Append("*References:*\n\n");
            foreach (var reference in m.References)
            {
                text.Append(reference.Url is null ? $"- {reference.Label}\n" : $"- [{reference.Label}]({reference.Url})\n");
            }
        }

        return text.ToString();
    }

    private static string Evidence(RuleMetadata m) =>
        string.Join(", ", m.EvidenceSources.Concat(m.OptionalEvidenceSources.Select(s => s + " (when collected)")));
}
