using Compliance.Storage;
using Compliance.Worker.Attestation;
using Compliance.Worker.Configuration;

namespace Compliance.Worker.Review;

/// <summary>
/// The demo tenant's previous attested review (fixture "previousReview", docs/tenant-fixture.md), recorded in a fresh
/// database before the demo's first review so that PERM-003 has an approved set of permissions to compare with and
/// GOV-003 a date. Nothing is written around the product: the tenant as it stood then is served by its own simulator,
/// reviewed by the real pipeline on a clock set a day before the attestation, published, and attested by the real
/// Attestor at the fixture's date — so `verify` checks it like any other run. Only demo sessions have one; a configured
/// tenant's history is only ever its own runs.
/// </summary>
internal static class DemoReviewHistory
{
    public static async Task RecordAsync(
        DemoTenantSession session, ComplianceSettings settings, ReviewRequest request, TimeProvider time, RunLog log, CancellationToken cancellationToken)
    {
        if (session.PreviousReview is not { } previous)
        {
            return;
        }

        var database = await SqliteDatabase.OpenAsync(settings.Storage.DatabasePath, cancellationToken);
        if (await new AttestationRepository(database).LatestAsync(session.Tenant, cancellationToken) is not null
            || await new RunRepository(database).LatestPublishedAsync(session.Tenant, exceptRunId: "", cancellationToken) is not null)
        {
            return;
        }

        var reviewedAt = ShiftedTime.At(time, previous.AttestedAt.AddDays(-1));
        await using var then = await DemoTenantSession.StartAsAtPreviousReviewAsync(reviewedAt, previous, cancellationToken);
        var outcome = await new ReviewPipeline(settings, reviewedAt, log).RunAsync(then, request with { Period = null }, cancellationToken);
        var outputRoot = request.OutputRoot ?? settings.Reports.OutputRoot;
        var (attestation, verification) = await new Attestor(database, outputRoot, ShiftedTime.At(time, previous.AttestedAt))
            .AttestAsync(outcome.Run.Id, previous.Reviewer, previous.Statement, cancellationToken);
        if (attestation is null)
        {
            throw new InvalidOperationException($"The demo's previous review {outcome.Run.Id} could not be attested: {string.Join("; ", verification.Problems)}");
        }

        log.Info("review.previous_attested", ("run", outcome.Run.Id), ("period", outcome.Run.Period), ("reviewer", attestation.Reviewer), ("attested_at", attestation.AttestedAt));
    }
}
