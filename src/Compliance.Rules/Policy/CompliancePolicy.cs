namespace Compliance.Rules.Policy;

/// <summary>
/// Thresholds of the controls (appsettings.json "Policy"). Each property names the control that reads it;
/// defaults are the runbook's and CIS M365's figures (controls.md).
/// </summary>
public sealed class CompliancePolicy
{
    /// <summary>CRED-002: a credential expiring within this many days is a finding.</summary>
    public int ExpiryWarningDays { get; set; } = 30;

    /// <summary>CRED-001: an active secret older than this is a finding (High past 365).</summary>
    public int SecretMaxAgeDays { get; set; } = 180;

    /// <summary>CRED-005: end − start above this is a finding (CIS 5.1.5.4).</summary>
    public int SecretMaxLifetimeDays { get; set; } = 180;

    /// <summary>MBX-004: an approved mailbox that sent nothing for this long is unused.</summary>
    public int UnusedMailboxDays { get; set; } = 90;

    /// <summary>SIGN-002: no successful sign-in for this long means the app is unused.</summary>
    public int UnusedAppDays { get; set; } = 90;

    /// <summary>SIGN-001: failed sign-ins in the period above this count are a finding.</summary>
    public int SignInFailureThreshold { get; set; } = 10;

    /// <summary>SEND-002: failed + spam + quarantined share above this (0–1) is a finding.</summary>
    public double DeliveryFailureRate { get; set; } = 0.05;

    /// <summary>SEND-003: a day's volume above this factor × trailing median is a spike.</summary>
    public double VolumeSpikeFactor { get; set; } = 3.0;

    /// <summary>GOV-003: the last attested review must be younger than this.</summary>
    public int ReviewIntervalDays { get; set; } = 35;

    /// <summary>Every problem with the values, as (configuration key, problem).</summary>
    public IEnumerable<(string Key, string Problem)> Validate(string section = "Policy")
    {
        static string Range(double min, double max, double value) =>
            $"must be between {min} and {max} (was {value})";

        if (ExpiryWarningDays is < 1 or > 365)
        {
            yield return ($"{section}:{nameof(ExpiryWarningDays)}", Range(1, 365, ExpiryWarningDays));
        }

        if (SecretMaxAgeDays is < 1 or > 3650)
        {
            yield return ($"{section}:{nameof(SecretMaxAgeDays)}", Range(1, 3650, SecretMaxAgeDays));
        }

        if (SecretMaxLifetimeDays is < 1 or > 3650)
        {
            yield return ($"{section}:{nameof(SecretMaxLifetimeDays)}", Range(1, 3650, SecretMaxLifetimeDays));
        }

        if (UnusedMailboxDays is < 1 or > 3650)
        {
            yield return ($"{section}:{nameof(UnusedMailboxDays)}", Range(1, 3650, UnusedMailboxDays));
        }

        if (UnusedAppDays is < 1 or > 3650)
        {
            yield return ($"{section}:{nameof(UnusedAppDays)}", Range(1, 3650, UnusedAppDays));
        }

        if (SignInFailureThreshold is < 0 or > 1_000_000)
        {
            yield return ($"{section}:{nameof(SignInFailureThreshold)}", Range(0, 1_000_000, SignInFailureThreshold));
        }

        if (DeliveryFailureRate is < 0 or > 1 || double.IsNaN(DeliveryFailureRate))
        {
            yield return ($"{section}:{nameof(DeliveryFailureRate)}", Range(0, 1, DeliveryFailureRate));
        }

        if (VolumeSpikeFactor is < 1 or > 1000 || double.IsNaN(VolumeSpikeFactor))
        {
            yield return ($"{section}:{nameof(VolumeSpikeFactor)}", Range(1, 1000, VolumeSpikeFactor));
        }

        if (ReviewIntervalDays is < 1 or > 366)
        {
            yield return ($"{section}:{nameof(ReviewIntervalDays)}", Range(1, 366, ReviewIntervalDays));
        }
    }
}
