using System.Security.Cryptography;
using System.Text;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>Turns the on-disk fixture into directory objects: one SP per app, grants resolved by role value.</summary>
internal static class FixtureBuilder
{
    public static TenantFixture Build(FixtureDocument document, DateTimeOffset anchor, string expectedFindings, SimPreviousReview? previousReview = null)
    {
        var tenant = document.Tenant ?? throw new InvalidDataException("The fixture has no \"tenant\".");
        if (!Guid.TryParse(tenant.Id, out _))
        {
            throw new InvalidDataException("tenant.id must be a GUID.");
        }

        var apps = new List<FixtureApp>(document.Apps);
        if (document.FillerApps is { Count: > 0 } filler)
        {
            apps.AddRange(FillerAppGenerator.Generate(filler));
        }

        var resources = new List<SimServicePrincipal>();
        foreach (var key in new[] { RoleCatalog.GraphKey, RoleCatalog.ExchangeKey })
        {
            var objectId = document.Resources.TryGetValue(key, out var r) && r.ObjectId.Length > 0 ? r.ObjectId : DeterministicGuid(tenant.Id, key);
            resources.Add(new SimServicePrincipal(objectId, RoleCatalog.AppId(key), RoleCatalog.DisplayName(key), RoleCatalog.MicrosoftTenantId, RoleCatalog.Roles(key), []));
        }

        var applications = new List<SimApplication>();
        var servicePrincipals = new List<SimServicePrincipal>();
        var assignments = new List<SimAppRoleAssignment>();
        var policies = new List<SimAccessPolicy>();
        var seenAppIds = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var app in apps)
        {
            if (!seenAppIds.Add(app.AppId))
            {
                throw new InvalidDataException($"Duplicate appId {app.AppId} in the fixture.");
            }

            var created = app.CreatedDateTime is null ? anchor.AddDays(-365) : RelativeDate.Resolve(app.CreatedDateTime, anchor);
            var spId = app.ServicePrincipalId.Length > 0 ? app.ServicePrincipalId : DeterministicGuid(app.AppId, "sp");
            applications.Add(new SimApplication(app.ObjectId.Length > 0 ? app.ObjectId : DeterministicGuid(app.AppId, "app"), app.AppId, app.DisplayName, created, Credentials(app, "application", anchor)));
            servicePrincipals.Add(new SimServicePrincipal(spId, app.AppId, app.DisplayName, tenant.Id, [], Credentials(app, "servicePrincipal", anchor)));

            foreach (var grant in app.Grants)
            {
                var resource = resources[grant.Resource == RoleCatalog.ExchangeKey ? 1 : 0];
                _ = RoleCatalog.Roles(grant.Resource); // rejects unknown resource keys
                var roleId = grant.RoleId ?? resource.AppRoles.FirstOrDefault(x => x.Value == grant.Role)?.Id
                    ?? throw new InvalidDataException($"App {app.AppId}: role '{grant.Role}' is not an app role of {resource.DisplayName}.");
                var grantCreated = grant.CreatedDateTime is null ? created.AddHours(1) : RelativeDate.Resolve(grant.CreatedDateTime, anchor);
                assignments.Add(new SimAppRoleAssignment(AssignmentId(spId, resource.ObjectId, roleId), roleId, grantCreated, spId, app.DisplayName, resource.ObjectId, resource.DisplayName));
            }

            foreach (var policy in app.AccessPolicies)
            {
                if (policy.AccessRight is not ("RestrictAccess" or "DenyAccess"))
                {
                    throw new InvalidDataException($"App {app.AppId}: accessRight must be RestrictAccess or DenyAccess.");
                }

                var index = policies.Count + 1;
                // Real identities look like "{tenant}\{appId}:{SID of the scope group};{group guid}".
                var identity = $"{tenant.Id}\\{app.AppId}:S-1-5-21-3141592653-589793238-462643383-{1000 + index};{DeterministicGuid(policy.ScopeIdentity, "group")}";
                policies.Add(new SimAccessPolicy(identity, app.AppId, policy.AccessRight, policy.ScopeName, policy.ScopeIdentity, policy.Description));
            }
        }

        servicePrincipals.AddRange(resources);
        var auditor = document.AuditorAppId ?? throw new InvalidDataException("The fixture has no \"auditorAppId\".");
        var directory = DirectoryBuilder.Build(document, tenant.Domain, anchor, servicePrincipals);
        var activity = ActivityBuilder.Build(document.Activity, anchor, servicePrincipals, directory);
        var f = document.Failures;
        var failures = new SimFailures(f.AuditQueryV1Absent, f.MessageTraceServicePrincipalMissing, f.NoPremiumLicence, new HashSet<string>(f.DeniedPermissions, StringComparer.OrdinalIgnoreCase))
        {
            SignInActivityOrderByRefused = f.SignInActivityOrderByRefused,
            SignInActivityOrderByIgnored = f.SignInActivityOrderByIgnored,
        };
        return new TenantFixture(tenant.Id, tenant.Name, tenant.Domain, auditor, anchor, applications, servicePrincipals, assignments, policies, expectedFindings)
        {
            Directory = directory,
            Activity = activity,
            Failures = failures,
            PreviousReview = previousReview,
        };
    }

    private static List<SimCredential> Credentials(FixtureApp app, string holder, DateTimeOffset anchor) =>
        app.Credentials
            .Where(c => string.Equals(c.On, holder, StringComparison.OrdinalIgnoreCase))
            .Select(c => new SimCredential(
                c.KeyId,
                c.Type switch
                {
                    "certificate" => true,
                    "secret" => false,
                    _ => throw new InvalidDataException($"App {app.AppId}: credential type must be 'secret' or 'certificate'."),
                },
                c.DisplayName,
                c.Start is null ? anchor.AddDays(-30) : RelativeDate.Resolve(c.Start, anchor),
                c.End is null ? throw new InvalidDataException($"App {app.AppId}: credential {c.KeyId} has no end.") : RelativeDate.Resolve(c.End, anchor)))
            .ToList();

    /// <summary>Graph assignment ids are opaque base64url strings; derive a stable one from the triple.</summary>
    internal static string AssignmentId(string principalId, string resourceId, string roleId)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{principalId}|{resourceId}|{roleId}"));
        return Convert.ToBase64String(hash, 0, 32).TrimEnd('=').Replace('+', '-').Replace('/', '_')[..43];
    }

    internal static string DeterministicGuid(string a, string b)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(a + "|" + b));
        var bytes = hash[..16];
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4 layout
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes).ToString();
    }
}
