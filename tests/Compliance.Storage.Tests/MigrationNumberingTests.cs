namespace Compliance.Storage.Tests;

/// <summary>
/// Branches developed side by side each add "the next" migration; merged, two scripts can share a number, and a
/// database that already applied one of them would never get the other. The numbers must stay distinct and in order.
/// </summary>
public class MigrationNumberingTests
{
    [Fact]
    public void Every_migration_script_has_a_number_of_its_own_with_no_gap()
    {
        var versions = Migrator.Scripts().Select(s => s.Version).ToList();

        Assert.Equal(Enumerable.Range(1, versions.Count).Select(v => (long)v), versions);
    }
}
