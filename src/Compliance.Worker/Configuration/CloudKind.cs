namespace Compliance.Worker.Configuration;

public enum CloudKind
{
    Global,
    USGov,
    China,
    Custom,
}
