using System.Text.Json.Nodes;

namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>One object of a tracked collection as the delta function sees it: its projected body and its links.</summary>
internal sealed record DeltaItem(string Id, JsonObject Body, IReadOnlyList<DeltaMember> Members);
