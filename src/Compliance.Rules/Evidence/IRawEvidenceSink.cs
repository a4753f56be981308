namespace Compliance.Rules.Evidence;

/// <summary>Receives every raw page a collector reads, so that the run's evidence can be hashed and kept.</summary>
public interface IRawEvidenceSink
{
    ValueTask WriteAsync(RawPage page, CancellationToken cancellationToken);
}
