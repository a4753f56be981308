using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Internal;

internal sealed record SourceOutcome<T>(SourceResult Result, IReadOnlyList<T> Records);
