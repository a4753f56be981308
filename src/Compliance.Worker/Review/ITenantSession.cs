using Compliance.Collectors;

namespace Compliance.Worker.Review;

/// <summary>A connection to one tenant for the duration of a run (for the demo it also owns the simulator).</summary>
public interface ITenantSession : IAsyncDisposable
{
    string Tenant { get; }

    TenantConnection Connection { get; }

    /// <summary>The integration register, when the tenant brings its own (a generated test tenant); null = appsettings.json.</summary>
    IReadOnlyList<Compliance.Rules.Policy.Integration>? Register => null;

    /// <summary>Where the credential came from (kind and reference, never the value); null for the demo's generated secret.</summary>
    Authentication.CredentialSource? CredentialSource => null;

    /// <summary>Adjusts collection for this tenant (the simulator answers audit queries in seconds, a real tenant in minutes).</summary>
    CollectionOptions Tune(CollectionOptions options) => options;
}
