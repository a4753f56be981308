namespace Compliance.Worker.Doctor;

/// <summary>One line of the doctor's table: what was checked, its status, the detail, and how to fix it.</summary>
public sealed record DoctorCheck(string Name, CheckStatus Status, string Detail, string? Fix);
