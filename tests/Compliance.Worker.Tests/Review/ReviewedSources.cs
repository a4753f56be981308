using System.Text.Json;
using Compliance.Worker.Configuration;
using Compliance.Worker.Review;

namespace Compliance.Worker.Tests.Review;

/// <summary>One review of a tenant session, read back as the "sources" of the findings.json it published.</summary>
internal static class ReviewedSources
{
    public static async Task<List<JsonElement>> ReadAsync(ComplianceSettings settings, ITenantSession session, ReviewRequest request)
    {
        var outcome = await new ReviewPipeline(settings, TimeProvider.System, new RunLog(TextWriter.Null, TimeProvider.System))
            .RunAsync(session, request, CancellationToken.None);
        using var json = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(outcome.Report.Directory, "findings.json")));
        return [.. json.RootElement.GetProperty("sources").EnumerateArray().Select(s => s.Clone())];
    }
}
