namespace Compliance.Worker.Configuration;

/// <summary>Endpoints of a Custom cloud (also how a simulator at a fixed address is reached).</summary>
public sealed class EndpointSettings
{
    public Uri? AuthorityHost { get; set; }

    public Uri? Graph { get; set; }

    public Uri? ExchangeAdmin { get; set; }
}
