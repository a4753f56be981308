namespace Compliance.Worker.Doctor;

public enum CheckStatus
{
    Ok,
    MissingPermission,
    MissingLicence,
    PrerequisiteMissing,
    Failed,
}
