namespace Compliance.TenantSimulator.Fixture;

/// <summary>Object id of a first-party resource SP in this tenant (differs per tenant, m365-apis.md §4).</summary>
internal sealed class FixtureResource
{
    public string ObjectId { get; set; } = "";
}
