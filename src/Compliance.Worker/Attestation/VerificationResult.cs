namespace Compliance.Worker.Attestation;

/// <summary>What verify checked and every mismatch it found, each naming the file, page or hash that changed.</summary>
public sealed class VerificationResult
{
    private readonly List<string> problems = [];
    private readonly List<string> checks = [];

    public IReadOnlyList<string> Problems => problems;

    public IReadOnlyList<string> Checks => checks;

    public bool Passed => problems.Count == 0;

    public void Fail(string problem) => problems.Add(problem);

    public void Ok(string check) => checks.Add(check);
}
