namespace Compliance.Reports.Tests;

public class SmokeTests
{
    [Fact]
    public void Builds() => Assert.True(true);
}
