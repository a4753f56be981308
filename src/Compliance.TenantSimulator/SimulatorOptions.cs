namespace Compliance.TenantSimulator;

/// <summary>Knobs of a simulator run; all optional.</summary>
public sealed class SimulatorOptions
{
    /// <summary>The only client that may obtain tokens; defaults to the fixture's auditorAppId.</summary>
    public string? ClientId { get; init; }

    /// <summary>The client secret accepted for client_credentials. Never logged. When null, only client assertions work.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>Caps the page size below each endpoint's documented maximum (tests use it to force paging).</summary>
    public int? MaxPageSize { get; init; }

    /// <summary>Where sendMail writes each accepted message as .eml; null keeps them in memory only (<see cref="SimulatorHost.SentMail"/>).</summary>
    public string? OutboxDirectory { get; init; }

    /// <summary>Clock for timestamps in error bodies; defaults to the system clock.</summary>
    public TimeProvider? Time { get; init; }
}
