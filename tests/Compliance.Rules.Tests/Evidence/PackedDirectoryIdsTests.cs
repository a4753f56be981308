using Compliance.Rules.Evidence;

namespace Compliance.Rules.Tests.Evidence;

/// <summary>
/// Service principals, app registrations and credentials hold their GUID ids packed; every id must read back exactly as
/// Graph (or a fixture, or an older store) wrote it, and records compare by those values.
/// </summary>
public class PackedDirectoryIdsTests
{
    public static readonly TheoryData<string> Ids =
    [
        "5a0e1f7c-3b2d-4c8e-9f10-a1b2c3d4e5f6",
        "5A0E1F7C-3B2D-4C8E-9F10-A1B2C3D4E5F6",
        "5a0e1f7c3b2d4c8e9f10a1b2c3d4e5f6",
        "app-without-a-guid",
        "",
    ];

    [Theory]
    [MemberData(nameof(Ids))]
    public void Ids_read_back_as_written(string id)
    {
        var credential = Secret(id);
        var principal = new ServicePrincipal(id, id + "-app", "Contoso Mailer", "Application", true, [credential]);
        var application = new AppRegistration(id, id.ToUpperInvariant(), "Contoso Mailer", [credential]);

        Assert.Equal((id, id + "-app"), (principal.ObjectId, principal.AppId));
        Assert.Equal((id, id.ToUpperInvariant()), (application.ObjectId, application.AppId));
        Assert.Equal(id, principal.Credentials[0].KeyId);
    }

    [Fact]
    public void Equality_and_with_see_the_ids_not_their_packing()
    {
        const string Lower = "5a0e1f7c-3b2d-4c8e-9f10-a1b2c3d4e5f6";
        Assert.Equal(Secret(Lower), Secret(Lower));
        Assert.NotEqual(Secret(Lower), Secret(Lower.ToUpperInvariant()));

        var principal = new ServicePrincipal(Lower, Lower, "Contoso Mailer", "Application", true, []);
        var moved = principal with { AppId = "other" };
        Assert.Equal(("other", Lower), (moved.AppId, moved.ObjectId));
        Assert.Equal(Lower, principal.AppId);
        Assert.Equal(principal, new ServicePrincipal(Lower, Lower, "Contoso Mailer", "Application", true, principal.Credentials));
        Assert.NotEqual(principal, moved);
    }

    private static Credential Secret(string keyId) =>
        new(keyId, CredentialType.Secret, CredentialHolder.Application, "Password uploaded on Mon Nov 02 2026", null, new DateTimeOffset(2027, 5, 1, 0, 0, 0, TimeSpan.Zero));
}
