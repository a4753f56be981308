using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

/// <summary>What every source's outcome reports, whatever form its records take.</summary>
internal interface ISourceOutcome
{
    SourceResult Result { get; }
}

internal sealed record SourceOutcome<T>(SourceResult Result, IReadOnlyList<T> Records) : ISourceOutcome;

/// <summary>An activity source's outcome: records that may be read from the incremental store as they are enumerated.</summary>
internal sealed record ActivityOutcome<T>(SourceResult Result, ActivityRecords<T> Records) : ISourceOutcome
    where T : IActivityRecord;
