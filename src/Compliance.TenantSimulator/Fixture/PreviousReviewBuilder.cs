using System.Text.Json;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>Builds the tenant as it stood at the fixture's previous review, from a copy of the document.</summary>
internal static class PreviousReviewBuilder
{
    public static SimPreviousReview? Build(FixtureDocument document, DateTimeOffset anchor)
    {
        if (document.PreviousReview is not { } review)
        {
            return null;
        }

        var attestedAt = RelativeDate.Resolve(review.AttestedAt, anchor);
        if (attestedAt >= anchor || review.Reviewer.Length == 0)
        {
            throw new InvalidDataException("previousReview: attestedAt must lie before the anchor and reviewer must be set.");
        }

        // A round trip copies every section, including ones this builder does not know about.
        var then = JsonSerializer.Deserialize<FixtureDocument>(JsonSerializer.Serialize(document, TenantFixture.JsonOptions), TenantFixture.JsonOptions)!;
        then.PreviousReview = null;
        // activity.logAnalytics.dataSince describes the workspace as it is now (the demo's begins this month, which is
        // its GOV-004); at the previous review it still held that review's rows, so the earlier tenant sets no data start.
        if (then.Activity is { } activity)
        {
            activity.LogAnalytics = null;
        }

        foreach (var app in then.Apps)
        {
            var created = app.CreatedDateTime is null ? anchor.AddDays(-365) : RelativeDate.Resolve(app.CreatedDateTime, anchor);
            // Same default as FixtureBuilder: a grant without a date was made an hour after its app.
            app.Grants.RemoveAll(g => (g.CreatedDateTime is null ? created.AddHours(1) : RelativeDate.Resolve(g.CreatedDateTime, anchor)) > attestedAt);
        }

        foreach (var removed in review.RemovedGrants)
        {
            var app = then.Apps.FirstOrDefault(a => string.Equals(a.AppId, removed.AppId, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"previousReview.removedGrants: no app {removed.AppId} in the fixture.");
            app.Grants.Add(new FixtureGrant { Resource = removed.Resource, Role = removed.Role });
        }

        // Same default as DirectoryBuilder: an assignment without a date is 120 days old.
        then.RoleAssignments.RemoveAll(a => (a.CreatedDateTime is null ? anchor.AddDays(-120) : RelativeDate.Resolve(a.CreatedDateTime, anchor)) > attestedAt);
        return new SimPreviousReview(attestedAt, review.Reviewer, review.Statement, FixtureBuilder.Build(then, anchor, "[]"));
    }
}
