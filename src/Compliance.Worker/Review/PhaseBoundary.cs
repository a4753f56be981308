namespace Compliance.Worker.Review;

/// <summary>
/// Where one phase of a review ends and the next begins (collect → evaluate → publish). The finished phase's working
/// memory (HTTP buffers, pages being parsed, the evaluation's intermediate sets) is garbage by then, but the GC keeps
/// the regions it freed committed for reuse, so the next phase would start from the previous one's peak. An
/// aggressive, compacting collection decommits them ("GCCollectionMode.Aggressive: decommit as much memory as
/// possible", learn.microsoft.com/dotnet/api/system.gccollectionmode). It costs one blocking full collection —
/// about a second for the large tenant's evidence — once per phase of a monthly batch.
/// </summary>
internal static class PhaseBoundary
{
    public static void ReleaseMemory() =>
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
}
