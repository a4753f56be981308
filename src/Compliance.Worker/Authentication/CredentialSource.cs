namespace Compliance.Worker.Authentication;

/// <summary>
/// Where a tenant's credential came from — the kind of store and the name of the entry, never the value — for `doctor`
/// and the log.
/// </summary>
public sealed record CredentialSource(string Kind, string Reference)
{
    public override string ToString() => $"{Kind} {Reference}";
}
