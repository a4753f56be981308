namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>A member reported in members@delta: added, or removed (written with "@removed").</summary>
internal readonly record struct LinkChange(DeltaMember Member, bool Removed);
