using Compliance.Rules.Evidence;

namespace Compliance.Reports.Facts;

/// <summary>A credential of an app with the figures a reviewer checks; all ages are measured from the run's AsOf.</summary>
internal sealed record HeldCredential(Credential Credential, DateTimeOffset AsOf, DateTimeOffset? LastUsed)
{
    public double? AgeDays => Credential.StartDateTime is { } start ? (AsOf - start).TotalDays : null;

    public double? LifetimeDays => Credential is { StartDateTime: { } start, EndDateTime: { } end } ? (end - start).TotalDays : null;

    public double? DaysToExpiry => Credential.DaysToExpiry(AsOf);
}
