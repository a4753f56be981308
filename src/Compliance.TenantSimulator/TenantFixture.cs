using System.Text.Json;
using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator;

/// <summary>
/// A resolved fake tenant: directory objects, grants and Exchange application access policies, with every
/// relative date already resolved against the anchor. Format: docs/tenant-fixture.md.
/// </summary>
public sealed class TenantFixture
{
    internal static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    internal TenantFixture(
        string tenantId,
        string tenantName,
        string domain,
        string auditorAppId,
        DateTimeOffset anchor,
        IReadOnlyList<SimApplication> applications,
        IReadOnlyList<SimServicePrincipal> servicePrincipals,
        IReadOnlyList<SimAppRoleAssignment> assignments,
        IReadOnlyList<SimAccessPolicy> accessPolicies,
        string expectedFindingsJson)
    {
        TenantId = tenantId;
        TenantName = tenantName;
        Domain = domain;
        AuditorAppId = auditorAppId;
        Anchor = anchor;
        Applications = applications;
        ServicePrincipals = servicePrincipals;
        AppRoleAssignments = assignments;
        AccessPolicies = accessPolicies;
        ExpectedFindingsJson = expectedFindingsJson;
    }

    public string TenantId { get; }
    public string TenantName { get; }
    public string Domain { get; }
    public string AuditorAppId { get; }
    public DateTimeOffset Anchor { get; }
    public IReadOnlyList<SimApplication> Applications { get; }
    /// <summary>One per app plus the first-party resource SPs (Microsoft Graph, Office 365 Exchange Online).</summary>
    public IReadOnlyList<SimServicePrincipal> ServicePrincipals { get; }
    public IReadOnlyList<SimAppRoleAssignment> AppRoleAssignments { get; }
    public IReadOnlyList<SimAccessPolicy> AccessPolicies { get; }
    public string ExpectedFindingsJson { get; }

    /// <summary>Mailboxes, groups, admin units, Exchange RBAC and delegated grants.</summary>
    public SimDirectory Directory { get; init; } = SimDirectory.Empty;

    /// <summary>Sign-ins, message trace and mailbox audit rows, newest first.</summary>
    public SimActivity Activity { get; init; } = SimActivity.Empty;

    /// <summary>
    /// The integration register of a generated tenant (empty for fixtures, whose register lives in appsettings.json);
    /// the composition root maps each entry to Compliance.Rules.Policy.Integration.
    /// </summary>
    public IReadOnlyList<SimIntegration> Register { get; init; } = [];

    /// <summary>Planted prerequisite, licence and permission failures.</summary>
    public SimFailures Failures { get; init; } = SimFailures.None;

    /// <summary>The tenant's last attested review, when the fixture describes one ("previousReview").</summary>
    public SimPreviousReview? PreviousReview { get; init; }

    /// <summary>The built-in demo tenant (Fixtures/demo), with its expected findings.</summary>
    public static TenantFixture LoadDemo(DateTimeOffset anchor)
    {
        using var stream = EmbeddedFixtures.Open("demo/tenant.json");
        return Build(stream, anchor, EmbeddedFixtures.ReadText("demo/expected-findings.json"));
    }

    public static TenantFixture Load(Stream json, DateTimeOffset anchor) => Build(json, anchor, "[]");

    /// <summary>
    /// A generated tenant (docs/tenant-fixture.md "Generated tenants"): identical for the same scale and seed, with its
    /// register and the findings its planted defects must produce.
    /// </summary>
    public static TenantFixture Generate(Generation.TenantScale scale, int seed, DateTimeOffset anchor) =>
        Generate(scale, seed, anchor, 1.0);

    /// <summary>
    /// A generated tenant whose background sign-ins and message-trace rows are multiplied by <paramref name="activityScale"/>
    /// (`simulate --activity-scale`): the same directory, register, planted rows and expected findings as
    /// <see cref="Generate(Generation.TenantScale, int, DateTimeOffset)"/>, only more (or fewer) rows to page through.
    /// </summary>
    public static TenantFixture Generate(Generation.TenantScale scale, int seed, DateTimeOffset anchor, double activityScale) =>
        Generation.TenantGenerator.Generate(scale, seed, anchor, activityScale);

    public SimServicePrincipal? ServicePrincipalByAppId(string appId) =>
        ServicePrincipals.FirstOrDefault(sp => string.Equals(sp.AppId, appId, StringComparison.OrdinalIgnoreCase));

    private static TenantFixture Build(Stream json, DateTimeOffset anchor, string expectedFindings)
    {
        ArgumentNullException.ThrowIfNull(json);
        var document = JsonSerializer.Deserialize<FixtureDocument>(json, JsonOptions)
            ?? throw new InvalidDataException("The tenant fixture is empty.");
        return FixtureBuilder.Build(document, anchor, expectedFindings, PreviousReviewBuilder.Build(document, anchor));
    }
}
