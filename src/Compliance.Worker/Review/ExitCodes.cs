namespace Compliance.Worker.Review;

/// <summary>contract.md: 0 completed, 2 configuration error, 3 completed with sources not collected, 1 failed;
/// 4 verification found a change (also refused attestation), 5 doctor found a problem.</summary>
public static class ExitCodes
{
    public const int Completed = 0;
    public const int Failed = 1;
    public const int ConfigurationError = 2;
    public const int Incomplete = 3;
    public const int VerificationFailed = 4;
    public const int PreflightFailed = 5;
}
