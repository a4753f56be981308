using System.Text.Json;
using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Evidence;

/// <summary>A sign-in's id and IP address are held packed; whatever the logs wrote must come back exactly as written.</summary>
public class PackedSignInColumnsTests
{
    [Theory]
    [InlineData("0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b")]
    [InlineData("0B7C5E2A-8D1F-4F6E-9A3B-2C4D5E6F7A8B")]
    [InlineData("{0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b}")]
    [InlineData("0b7c5e2a8d1f4f6e9a3b2c4d5e6f7a8b")]
    [InlineData("sign-in 42")]
    [InlineData("")]
    public void An_id_reads_back_as_written(string id) =>
        Assert.Equal(id, SignIn(id, "203.0.113.10").Id);

    [Theory]
    [InlineData("203.0.113.10")]
    [InlineData("0.0.0.0")]
    [InlineData("255.255.255.255")]
    [InlineData("2001:db8::1")]
    [InlineData("2001:DB8::1")]
    [InlineData("::ffff:203.0.113.10")]
    [InlineData("010.000.113.010")]
    [InlineData("203.0.113.10:443")]
    [InlineData("not an address")]
    [InlineData(null)]
    public void An_ip_address_reads_back_as_written(string? ip) =>
        Assert.Equal(ip, SignIn("0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b", ip).IpAddress);

    [Fact]
    public void Equality_with_and_json_see_the_values_not_their_packing()
    {
        var a = SignIn("0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b", "203.0.113.10");
        Assert.Equal(a, SignIn("0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b", "203.0.113.10"));
        Assert.NotEqual(a, SignIn("0B7C5E2A-8D1F-4F6E-9A3B-2C4D5E6F7A8B", "203.0.113.10"));
        Assert.NotEqual(a, SignIn("0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b", "203.0.113.11"));

        var moved = a with { IpAddress = "2001:db8::7", Id = "other" };
        Assert.Equal(("other", "2001:db8::7"), (moved.Id, moved.IpAddress));
        Assert.Equal("203.0.113.10", a.IpAddress);

        var json = JsonSerializer.Serialize(a);
        Assert.Contains("\"Id\":\"0b7c5e2a-8d1f-4f6e-9a3b-2c4d5e6f7a8b\"", json, StringComparison.Ordinal);
        Assert.Contains("\"IpAddress\":\"203.0.113.10\"", json, StringComparison.Ordinal);
        Assert.Equal(a, JsonSerializer.Deserialize<ServicePrincipalSignIn>(json));
    }

    private static ServicePrincipalSignIn SignIn(string id, string? ip) =>
        new(id, new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), "11111111-1111-4111-8111-000000000001", ip, 0, null, "certificate", null, "Microsoft Graph");
}
