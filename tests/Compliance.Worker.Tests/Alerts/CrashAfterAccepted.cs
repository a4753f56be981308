using System.Net;
using Compliance.Collectors;

namespace Compliance.Worker.Tests.Alerts;

/// <summary>
/// Stands for the process dying right after Graph answered 202 to sendMail: the real response arrives, then the
/// process token is cancelled and the call ends as a shutdown would end it, before the caller can record anything.
/// </summary>
internal sealed class CrashAfterAccepted : IDisposable
{
    private readonly CancellationTokenSource process = new();

    public CancellationToken Process => process.Token;

    public TenantConnection Wrap(TenantConnection connection) =>
        connection with { TransportFactory = () => new Handler(connection.TransportFactory?.Invoke() ?? new SocketsHttpHandler(), process) };

    public void Dispose() => process.Dispose();

    private sealed class Handler(HttpMessageHandler inner, CancellationTokenSource process) : DelegatingHandler(inner)
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Accepted && request.RequestUri!.AbsolutePath.EndsWith("/sendMail", StringComparison.Ordinal))
            {
                response.Dispose();
                await process.CancelAsync();
                process.Token.ThrowIfCancellationRequested();
            }

            return response;
        }
    }
}
