using Compliance.Rules.Evidence;

namespace Compliance.Worker.Doctor;

/// <summary>The doctor only asks whether each source answers; it keeps no evidence.</summary>
internal sealed class DiscardingSink : IRawEvidenceSink
{
    public ValueTask WriteAsync(RawPage page, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
