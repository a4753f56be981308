namespace Compliance.TenantSimulator;

/// <summary>Knobs of a simulator run; all optional.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The only client that may obtain tokens; defaults to the fixture's auditorAppId.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret accepted for client_credentials. Never logged. When null, only client assertions work.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>
    /// The certificate on the auditor's app registration (only its public key is used). When set, a client assertion must
    /// be signed with its key, as Entra ID checks against the app's keyCredentials (AADSTS700027 otherwise); when null,
    /// any well-formed assertion naming the client is accepted.
    /// </summary>
    public System.Security.Cryptography.X509Certificates.X509Certificate2? ClientCertificate { get; init; }

    /// <summary>Caps the page size below each endpoint's documented maximum (tests use it to force paging).</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>Where sendMail writes each accepted message as .eml; null keeps them in memory only (<see cref="SimulatorHost.SentMail"/>).</summary>
    public string? OutboxDirectory { get; init; }

    /// <summary>Documented service limits with 429 + Retry-After (m365-apis.md §8); on by default.</summary>
    public bool Throttling { get; init; } = true;

    /// <summary>Multiplies every throttling window, Retry-After and fault delay: 0.1 turns a 5-minute window into 30 s.</summary>
    public double TimeScale { get; init; } = 1.0;

    /// <summary>The fault profile of this run.</summary>
    public Hosting.FaultProfile Faults { get; init; } = Hosting.FaultProfile.None;

    /// <summary>Seed deciding which requests the fault profile hits.</summary>
    public int FaultSeed { get; init; } = 1;

    /// <summary>
    /// Where to listen, e.g. http://127.0.0.1:5080/ (loopback only; http or https; port 0 = any free port). Null: https on
    /// a random loopback port — what tests and review --demo use, because Azure.Identity insists on https.
    /// </summary>
    public Uri? ListenUri { get; init; }

    /// <summary>Secrets the simulated Key Vault (GET {BaseUri}secrets/{name}) serves, by name; null = an empty vault.</summary>
    public IReadOnlyDictionary<string, string>? KeyVaultSecrets { get; init; }

    /// <summary>Clock for timestamps in error bodies; defaults to the system clock.</summary>
    public TimeProvider? Time { get; init; }
}
