using System.Net;
using System.Security.Cryptography.X509Certificates;
using Compliance.TenantSimulator.Exchange;
using Compliance.TenantSimulator.Graph;
using Compliance.TenantSimulator.Hosting;
using Compliance.TenantSimulator.Identity;
using Compliance.TenantSimulator.LogAnalytics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Compliance.TenantSimulator;

/// <summary>
/// A fake Microsoft 365 tenant on https://127.0.0.1:random-port/ (or a fixed loopback URL, http allowed) speaking the identity platform's token endpoint,
/// Graph v1.0 and the Exchange admin API InvokeCommand proxy.
/// </summary>
public sealed class SimulatorHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly X509Certificate2 serverCertificate;

    private SimulatorHost(WebApplication app, X509Certificate2 serverCertificate, Uri baseUri, string tenantId, X509Certificate2 certificate, RequestLog requests, Hosting.Outbox outbox)
    {
        SentMail = outbox;
        this.app = app;
        this.serverCertificate = serverCertificate;
        BaseUri = baseUri;
        TenantId = tenantId;
        Certificate = certificate;
        Requests = requests;
    }

    public Uri BaseUri { get; }
    public string TenantId { get; }

    /// <summary>The self-signed server certificate (public part only); clients pin its thumbprint.</summary>
    public X509Certificate2 Certificate { get; }

    public RequestLog Requests { get; }

    /// <summary>
    /// Cancelled when the host begins to stop — including on SIGTERM/SIGINT, which the ASP.NET console lifetime turns into
    /// a stop request and then waits for the process to finish: a foreground server must end its wait on this.
    /// </summary>
    public CancellationToken Stopping => app.Lifetime.ApplicationStopping;

    /// <summary>Every message sendMail accepted (also written as .eml when SimulatorOptions.OutboxDirectory is set).</summary>
    public Hosting.Outbox SentMail { get; }

    public static async Task<SimulatorHost> StartAsync(TenantFixture fixture, SimulatorOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        ArgumentNullException.ThrowIfNull(options);
        var time = options.Time ?? TimeProvider.System;
        var serverCertificate = SelfSignedCertificate.Create(time);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The CLI's output must stay clean: no console logging from ASP.NET.
        builder.Logging.ClearProviders();
        var (address, https) = ListenAddress(options.ListenUri);
        builder.WebHost.ConfigureKestrel(k => k.Listen(address.Address, address.Port, listen =>
        {
            if (https)
            {
                listen.UseHttps(serverCertificate);
            }
        }));

        var app = builder.Build();
        var state = new SimulatorState(fixture, options, time);
        var requests = new RequestLog();
        app.Use(async (context, next) =>
        {
            await next(context);
            var hadBearer = context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
            requests.Add(new RequestLogEntry(context.Request.Method, context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(), hadBearer, context.Response.StatusCode));
        });
        var throttling = options.Throttling ? new Throttling(options.TimeScale) : null;
        var faults = new FaultInjector(options.Faults, options.FaultSeed, options.TimeScale);
        app.Use(async (context, next) =>
        {
            var isToken = context.Request.Path.Value?.Contains("/oauth2/", StringComparison.OrdinalIgnoreCase) == true;
            if (!isToken && throttling is not null && !await throttling.AdmitAsync(context, state))
            {
                return;
            }

            await faults.InvokeAsync(context, state, next);
        });
        TokenEndpoint.Map(app, state);
        ApplicationsEndpoint.Map(app, state);
        ServicePrincipalsEndpoint.Map(app, state);
        UsersEndpoint.Map(app, state);
        GroupsEndpoint.Map(app, state);
        AdministrativeUnitsEndpoint.Map(app, state);
        OAuth2PermissionGrantsEndpoint.Map(app, state);
        ExchangeRbacEndpoint.Map(app, state);
        SignInsEndpoint.Map(app, state);
        SignInActivitiesEndpoint.Map(app, state);
        MessageTraceEndpoint.Map(app, state);
        AuditQueriesEndpoint.Map(app, state);
        SendMailEndpoint.Map(app, state);
        LogAnalyticsEndpoint.Map(app, state);
        InvokeCommandEndpoint.Map(app, state);
        KeyVault.KeyVaultSecretsEndpoint.Map(app, state);
        app.MapFallback((HttpContext context) => GraphError.WriteAsync(context, state, 404, "UnknownRoute", $"No simulated endpoint for {context.Request.Method} {context.Request.Path}."));

        await app.StartAsync(ct);
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.First()
            ?? throw new InvalidOperationException("Kestrel did not report its address.");
        var port = new Uri(bound).Port;
        var publicCertificate = X509CertificateLoader.LoadCertificate(serverCertificate.RawData);
        return new SimulatorHost(app, serverCertificate, new Uri($"{(https ? "https" : "http")}://{(address.Address.Equals(IPAddress.IPv6Loopback) ? "[::1]" : "127.0.0.1")}:{port}/"), fixture.TenantId, publicCertificate, requests, state.Outbox);
    }

    /// <summary>The simulator impersonates a tenant: it must never be reachable from another machine.</summary>
    private static (IPEndPoint Address, bool Https) ListenAddress(Uri? uri)
    {
        if (uri is null)
        {
            return (new IPEndPoint(IPAddress.Loopback, 0), true);
        }

        if (uri.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--urls {uri}: the scheme must be http or https.", nameof(uri));
        }

        var ip = uri.IsLoopback && uri.HostNameType == UriHostNameType.Dns ? IPAddress.Loopback
            : IPAddress.TryParse(uri.Host.Trim('[', ']'), out var parsed) && IPAddress.IsLoopback(parsed) ? parsed
            : throw new ArgumentException($"--urls {uri}: the simulator listens on loopback only (127.0.0.1, [::1] or localhost).", nameof(uri));
        return (new IPEndPoint(ip, uri.Port), uri.Scheme == "https");
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Certificate.Dispose();
        serverCertificate.Dispose();
    }
}
