using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;

namespace Compliance.Rules.Catalog.SignIns;

/// <summary>SIGN-002: each integration signed in successfully within Policy:UnusedAppDays.</summary>
public sealed class IntegrationInUse : IRule
{
    public RuleMetadata Metadata { get; } = new(
        Id: "SIGN-002",
        Title: "Integration in use",
        DefaultSeverity: Severity.Low,
        Rationale: "An app registration nobody uses still holds Mail.Send and live credentials. The runbook removes unused apps; " +
                   "Entra's own recommendation flags service principals without sign-ins. Entra's sign-in activity report " +
                   "remembers an app's last sign-in beyond any log retention, so it decides when the logs are too short.",
        Remediation: "Confirm with the owner, then remove the app's permissions and credentials, or the app registration (Remove-MgApplication).",
        References: [References.Runbook("step 8 — remove unused apps"), new RuleReference(
            "Microsoft Learn: Entra recommendation — remove unused applications", "https://learn.microsoft.com/entra/identity/monitoring-health/recommendation-remove-unused-apps"), new RuleReference(
            "Microsoft Learn: List servicePrincipalSignInActivities (beta)", "https://learn.microsoft.com/graph/api/reportroot-list-serviceprincipalsigninactivities?view=graph-rest-beta")],
        EvidenceSources: [EvidenceSources.ServicePrincipals, EvidenceSources.SignIns, EvidenceSources.Register])
    {
        OptionalEvidenceSources = [EvidenceSources.SignInActivity],
    };

    public RuleEvaluation Evaluate(EvidenceSnapshot evidence, CompliancePolicy policy, DerivedEvidence derived)
    {
        var since = evidence.AsOf.AddDays(-policy.UnusedAppDays);
        var coverage = evidence.CoverageStart(EvidenceSources.SignIns);
        var activity = evidence.Source(EvidenceSources.SignInActivity);
        // A partial list still proves use where it names a date, but only a complete one proves absence.
        var activityComplete = activity is { State: SourceState.Collected };
        var logsReachBack = coverage is { } start && start <= since.AddDays(1);
        var population = evidence.RegisteredPrincipals().ToList();
        var findings = new List<Finding>();
        var undetermined = new List<string>();
        foreach (var (integration, principal) in population)
        {
            var logged = evidence.SignInsOf(principal.AppId)
                .Where(s => s.ErrorCode == 0)
                .Select(s => (DateTimeOffset?)s.CreatedDateTime).Max();
            var remembered = evidence.SignInActivityOf(principal.AppId)?.LastAppOnlySignIn;
            var last = Later(logged, remembered);
            if (last >= since)
            {
                continue;
            }

            // Absence only proves non-use if the logs reach back far enough, or Entra's own last-sign-in list is complete.
            if (!logsReachBack && !activityComplete)
            {
                undetermined.Add($"{principal.DisplayName}: no successful sign-in in the logs, which cover only since {coverage:yyyy-MM-dd} "
                    + $"({policy.UnusedAppDays} days needed), and Entra's sign-in activity report was {ActivityState(activity)}");
                continue;
            }

            findings.Add(new Finding(
                Metadata.Id, Metadata.DefaultSeverity, "servicePrincipal", principal.AppId, principal.DisplayName, integration.Name,
                last is { } at
                    ? $"{principal.DisplayName} last signed in successfully on {at:yyyy-MM-dd}, more than {policy.UnusedAppDays} days ago."
                    : $"{principal.DisplayName} has no successful sign-in in the last {policy.UnusedAppDays} days.",
                Metadata.Remediation,
                Evidence(coverage, activityComplete, remembered)));
        }

        return RuleEvaluation.Of(population.Count, findings, undetermined);
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private static string ActivityState(SourceResult? activity) => activity switch
    {
        null => "not collected in this run",
        { State: SourceState.Collected } => "collected",
        _ => $"not complete: {activity.Reason}",
    };

    private static List<string> Evidence(DateTimeOffset? coverage, bool activityComplete, DateTimeOffset? remembered)
    {
        List<string> lines = [$"sign-in logs since {coverage:yyyy-MM-dd}"];
        if (activityComplete)
        {
            lines.Add(remembered is { } at
                ? $"Entra sign-in activity: last app-only sign-in {at:yyyy-MM-dd}"
                : "Entra sign-in activity: no app-only sign-in recorded");
        }

        return lines;
    }
}
