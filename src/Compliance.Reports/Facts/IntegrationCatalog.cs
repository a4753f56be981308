using Compliance.Rules.Engine;
using Compliance.Rules.Review;

namespace Compliance.Reports.Facts;

/// <summary>
/// The apps the reports describe, in a stable order: every register entry (by name), then every app that
/// can send mail (it has an effective scope) but is missing from the register — those are the ones an
/// auditor most wants to see.
/// </summary>
internal static class IntegrationCatalog
{
    /// <summary>Every app <see cref="Build"/> describes (register entries and apps with an effective scope), repeats possible.</summary>
    public static IEnumerable<string> AppIds(ReviewDocument document) =>
        document.Evidence.Integrations.Select(i => i.AppId).Concat(document.Evaluation.Scopes.Select(s => s.AppId));

    public static IReadOnlyList<IntegrationFacts> Build(ReviewDocument document, ActivityIndex activity)
    {
        var evidence = document.Evidence;
        var registered = evidence.Integrations
            .OrderBy(i => i.Name, StringComparer.Ordinal)
            .Select(i => (Name: i.Name, i.AppId))
            .ToList();
        var known = new HashSet<string>(registered.Select(r => r.AppId), StringComparer.OrdinalIgnoreCase);
        var unregistered = document.Evaluation.Scopes
            .Where(s => !known.Contains(s.AppId))
            .OrderBy(s => s.AppDisplayName, StringComparer.Ordinal).ThenBy(s => s.AppId, StringComparer.Ordinal)
            .Select(s => (Name: $"{s.AppDisplayName} (not in register)", s.AppId));

        return [.. registered.Concat(unregistered).Select(r => Facts(document, activity, r.Name, r.AppId))];
    }

    private static IntegrationFacts Facts(ReviewDocument document, ActivityIndex activity, string name, string appId)
    {
        var evidence = document.Evidence;
        var application = evidence.ApplicationByAppId(appId);
        var principal = evidence.ServicePrincipalByAppId(appId);
        var register = evidence.IntegrationFor(appId);
        var scope = document.Evaluation.Scopes.FirstOrDefault(s => string.Equals(s.AppId, appId, StringComparison.OrdinalIgnoreCase));

        var credentials = (application?.Credentials ?? []).Concat(principal?.Credentials ?? [])
            .Select(c => new HeldCredential(c, evidence.AsOf, activity.LastUsed(appId, c.KeyId)))
            .ToList();

        // A finding belongs here when the rule named the integration, or when its resource is one of the app's objects.
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { appId };
        if (application is not null)
        {
            ids.Add(application.ObjectId);
        }

        if (principal is not null)
        {
            ids.Add(principal.ObjectId);
        }

        var findings = document.Evaluation.Findings
            .Where(t => (register is not null && string.Equals(t.Finding.Integration, register.Name, StringComparison.Ordinal))
                || ids.Contains(t.Finding.ResourceId))
            .ToList();

        return new IntegrationFacts(
            name, appId, register, application, principal, scope,
            principal is null ? [] : [.. evidence.GrantsHeldBy(principal)],
            principal is null ? [] : [.. evidence.DelegatedGrants.Where(g => g.ClientId == principal.ObjectId)],
            principal is null ? [] : [.. evidence.ExchangeRoleAssignments.Where(a => string.Equals(a.PrincipalObjectId, principal.ObjectId, StringComparison.OrdinalIgnoreCase))],
            credentials,
            findings);
    }

    /// <summary>Findings a reader should act on first: highest severity, then new and reopened before persisting.</summary>
    public static int Urgency(FindingStatus status) => status switch
    {
        FindingStatus.Reopened => 0,
        FindingStatus.New => 1,
        FindingStatus.Persisting => 2,
        _ => 3,
    };
}
