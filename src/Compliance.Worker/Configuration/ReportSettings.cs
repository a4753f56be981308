namespace Compliance.Worker.Configuration;

public sealed class ReportSettings
{
    /// <summary>Output root; documents go to {OutputRoot}/{tenant}/{yyyy-MM}/.</summary>
    public string OutputRoot { get; set; } = "reports";

    public string OrganisationName { get; set; } = "Compliance";
}
