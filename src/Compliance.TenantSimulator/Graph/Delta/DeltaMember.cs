namespace Compliance.TenantSimulator.Graph.Delta;

/// <summary>One link of a delta object's link collection (a group's direct member): its @odata.type and id.</summary>
internal readonly record struct DeltaMember(string Type, string Id);
