namespace Compliance.Worker.Doctor;

/// <summary>The doctor's output: one row per check, then the fix under each row that needs one.</summary>
public static class DoctorTable
{
    public static void Write(TextWriter output, string tenant, IReadOnlyList<DoctorCheck> checks)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(checks);
        var width = Math.Max(6, checks.Max(c => c.Name.Length));
        output.WriteLine($"Tenant {tenant}");
        output.WriteLine($"  {"check".PadRight(width)}  {"status",-20}  detail");
        foreach (var check in checks)
        {
            output.WriteLine($"  {check.Name.PadRight(width)}  {Label(check.Status),-20}  {check.Detail}");
            if (check.Fix is not null)
            {
                output.WriteLine($"  {"".PadRight(width)}  {"fix:",-20}  {check.Fix}");
            }
        }

        var problems = checks.Count(c => c.Status != CheckStatus.Ok);
        output.WriteLine(problems == 0 ? "  all ok" : $"  {problems} problem(s)");
    }

    private static string Label(CheckStatus status) => status switch
    {
        CheckStatus.Ok => "ok",
        CheckStatus.MissingPermission => "missing permission",
        CheckStatus.MissingLicence => "missing licence",
        CheckStatus.PrerequisiteMissing => "prerequisite missing",
        _ => "failed",
    };
}
