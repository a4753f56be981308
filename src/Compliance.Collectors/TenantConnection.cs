using Azure.Core;

namespace Compliance.Collectors;

/// <summary>
/// How to reach one tenant. <paramref name="TransportFactory"/> supplies the innermost HTTP handler for every
/// call (Graph, Exchange admin API); null means the platform default.
/// </summary>
public sealed record TenantConnection(string TenantId, CloudEndpoints Endpoints, TokenCredential Credential, Func<HttpMessageHandler>? TransportFactory = null);
