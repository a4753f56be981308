using System.Text;
using System.Text.Json;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// expected-findings.json of a generated tenant: the demo file's fields (ruleId, appId, qualifier, severity; "appId"
/// holds whatever resource the finding names) plus "resourceId" with the same value under its accurate name.
/// </summary>
internal static class ExpectedFindingsJson
{
    public static string Write(IEnumerable<SimExpectedFinding> findings)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var f in findings.OrderBy(f => f.RuleId, StringComparer.Ordinal).ThenBy(f => f.ResourceId, StringComparer.Ordinal).ThenBy(f => f.Qualifier, StringComparer.Ordinal))
            {
                json.WriteStartObject();
                json.WriteString("ruleId", f.RuleId);
                json.WriteString("resourceId", f.ResourceId);
                json.WriteString("appId", f.ResourceId);
                json.WriteString("qualifier", f.Qualifier);
                json.WriteString("severity", f.Severity);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
