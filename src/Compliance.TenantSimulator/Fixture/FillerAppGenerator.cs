using System.Globalization;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// Generates the background apps deterministically from the seed (ids from a hash, dates from the seeded offsets)
/// so that two runs of the same fixture see the same tenant.
/// </summary>
internal static class FillerAppGenerator
{
    public static IEnumerable<FixtureApp> Generate(FixtureFillerApps filler)
    {
        var seed = filler.Seed.ToString(CultureInfo.InvariantCulture);
        for (var i = 1; i <= filler.Count; i++)
        {
            var n = i.ToString("D3", CultureInfo.InvariantCulture);
            var appId = FixtureBuilder.DeterministicGuid(seed, "filler-app-" + n);
            // A cheap deterministic spread of ages (no System.Random: its seeded sequence is not a documented contract).
            var spread = (int)(uint.Parse(appId[..8], NumberStyles.HexNumber, CultureInfo.InvariantCulture) % 900);
            var app = new FixtureApp
            {
                AppId = appId,
                ObjectId = FixtureBuilder.DeterministicGuid(seed, "filler-object-" + n),
                ServicePrincipalId = FixtureBuilder.DeterministicGuid(seed, "filler-sp-" + n),
                DisplayName = $"{filler.NamePrefix} {n}",
                CreatedDateTime = $"now-{100 + spread}d",
            };
            if (filler.SecretEvery > 0 && i % filler.SecretEvery == 0)
            {
                app.Credentials.Add(new FixtureCredential
                {
                    KeyId = FixtureBuilder.DeterministicGuid(seed, "filler-key-" + n),
                    Type = "secret",
                    DisplayName = "lob-secret",
                    Start = $"now-{spread % 300}d",
                    End = $"now+{700 + spread}d",
                });
            }

            if (filler.ReadRoleEvery > 0 && i % filler.ReadRoleEvery == 0)
            {
                var role = (i / filler.ReadRoleEvery) % 2 == 1 ? "User.Read.All" : "Group.Read.All";
                app.Grants.Add(new FixtureGrant { Resource = RoleCatalog.GraphKey, Role = role });
            }

            yield return app;
        }
    }
}
