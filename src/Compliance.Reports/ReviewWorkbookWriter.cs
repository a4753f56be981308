using Compliance.Rules.Review;

namespace Compliance.Reports;

public sealed class ReviewWorkbookWriter
{
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static", Justification = "Instance API: the composition root creates and injects writers.")]
    public Task WriteAsync(ReviewDocument document, Stream output, CancellationToken ct) => Task.CompletedTask;
}
