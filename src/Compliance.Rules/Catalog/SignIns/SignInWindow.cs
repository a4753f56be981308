using Compliance.Rules.Evidence;

namespace Compliance.Rules.Catalog.SignIns;

/// <summary>Which sign-ins belong to the review period, and the AADSTS codes a reviewer recognises (m365-apis.md §1).</summary>
internal static class SignInWindow
{
    public static DateTimeOffset PeriodStart(EvidenceSnapshot evidence) =>
        evidence.PeriodStart ?? evidence.WindowStart ?? evidence.AsOf.AddDays(-30);

    public static IEnumerable<ServicePrincipalSignIn> InPeriod(EvidenceSnapshot evidence, string appId)
    {
        var start = PeriodStart(evidence);
        return evidence.SignInsOf(appId).Where(s => s.CreatedDateTime >= start && s.CreatedDateTime <= evidence.AsOf);
    }

    public static string Describe(int errorCode) => errorCode switch
    {
        7000215 => "AADSTS7000215 invalid client secret",
        7000222 => "AADSTS7000222 expired client secret",
        700016 => "AADSTS700016 application not found",
        7000112 => "AADSTS7000112 application disabled",
        53003 => "AADSTS53003 blocked by Conditional Access",
        _ => $"AADSTS{errorCode}",
    };
}
