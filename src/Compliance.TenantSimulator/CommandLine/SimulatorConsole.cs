using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.CommandLine;

/// <summary>
/// Serves one tenant in the foreground until cancelled (Ctrl+C), printing what a client needs to connect. The client
/// secret is new on every start and shown only here: the tenant is a test tenant, and nothing else ever stores it.
/// </summary>
public static class SimulatorConsole
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static async Task<int> RunAsync(SimulateRequest request, TextWriter output, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(time);
        var started = time.GetTimestamp();
        var anchor = time.GetUtcNow();
        var fixture = Load(request, anchor);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var options = new SimulatorOptions { ClientSecret = secret, ListenUri = request.Urls, Faults = request.Faults, FaultSeed = request.Seed, Time = time, Throttling = request.Throttling };
        await using var host = await SimulatorHost.StartAsync(fixture, options, cancellationToken);
        if (request.ExportDirectory is { } export)
        {
            await ExportAsync(fixture, RegisterTenant(request, fixture), export, cancellationToken);
        }

        var baseUrl = host.BaseUri.ToString();
        output.WriteLine($"Tenant simulator listening on {baseUrl} (loopback only)");
        output.WriteLine($"  tenant         {fixture.TenantName} ({fixture.Domain})");
        output.WriteLine($"  tenant id      {fixture.TenantId}");
        output.WriteLine($"  client id      {fixture.AuditorAppId}");
        output.WriteLine($"  client secret  {secret}");
        if (host.BaseUri.Scheme == Uri.UriSchemeHttps)
        {
            // A client outside this process trusts the self-signed certificate by pinning this thumbprint (PinnedCertificate).
            output.WriteLine($"  certificate    sha256 {host.Certificate.GetCertHashString(HashAlgorithmName.SHA256)}");
        }

        output.WriteLine($"  token          POST {baseUrl}{fixture.TenantId}/oauth2/v2.0/token");
        output.WriteLine($"  graph          {baseUrl}v1.0/  and  {baseUrl}beta/");
        output.WriteLine($"  exchange       POST {baseUrl}adminapi/beta/{fixture.TenantId}/InvokeCommand");
        output.WriteLine($"  contents       {Count(fixture.ServicePrincipals.Count)} service principals, {Count(fixture.Directory.Mailboxes.Count)} mailboxes, " +
                         $"{Count(fixture.Register.Count)} register entries, faults {request.Faults}, throttling {(request.Throttling ? "on" : "off")}");
        if (request.Scale is { } generated)
        {
            var profile = Generation.ScaleProfile.Of(generated).WithActivity(request.ActivityScale);
            output.WriteLine($"  activity       {Count(profile.BackgroundSignIns)} background sign-ins and {Count(profile.BackgroundMessages)} message-trace rows " +
                             $"over 30 days (activity scale {request.ActivityScale.ToString(CultureInfo.InvariantCulture)})");
        }

        if (request.ExportDirectory is not null)
        {
            output.WriteLine($"  exported       {Path.GetFullPath(request.ExportDirectory)} (expected-findings.json, register.json)");
        }

        output.WriteLine($"  started in     {time.GetElapsedTime(started).TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s — press Ctrl+C to stop");
        await output.FlushAsync(cancellationToken);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, host.Stopping);
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, time, stop.Token);
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C is the normal way to stop serving.
        }

        output.WriteLine("Tenant simulator stopped.");
        return 0;
    }

    private static TenantFixture Load(SimulateRequest request, DateTimeOffset anchor)
    {
        if (request.TenantFile is { } file)
        {
            using var stream = File.OpenRead(file);
            return TenantFixture.Load(stream, anchor);
        }

        if (SimulateRequest.RefuseActivityScale(request.Scale, request.ActivityScale, given: false) is { } refusal)
        {
            throw new ArgumentException(refusal, nameof(request));
        }

        return request.Scale is { } scale ? TenantFixture.Generate(scale, request.Seed, anchor, request.ActivityScale) : TenantFixture.LoadDemo(anchor);
    }

    /// <summary>The ground truth and the register (Integrations:{tenant} shape) beside each other, for review runs against this tenant.</summary>
    private static async Task ExportAsync(TenantFixture fixture, string tenant, string directory, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(directory);
        await WriteAtomicallyAsync(Path.Combine(directory, "expected-findings.json"), fixture.ExpectedFindingsJson, cancellationToken);
        var register = new Dictionary<string, IReadOnlyList<SimIntegration>> { [tenant] = fixture.Register };
        var json = JsonSerializer.Serialize(new { Integrations = register }, Indented);
        await WriteAtomicallyAsync(Path.Combine(directory, "register.json"), json, cancellationToken);
    }

    /// <summary>
    /// The tenant the exported register is filed under: the name its expected findings give the tenant (GOV-003 names it),
    /// so a review run under the exported register produces exactly them — generated-small-3 for a generated tenant, as
    /// `review --demo --scale small --seed 3` names it.
    /// </summary>
    private static string RegisterTenant(SimulateRequest request, TenantFixture fixture) =>
        request.Scale is { } scale ? Generation.GeneratedTenantName.Of(scale, request.Seed) : fixture.TenantName;

    private static async Task WriteAtomicallyAsync(string path, string text, CancellationToken cancellationToken)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, text, cancellationToken);
        File.Move(temporary, path, overwrite: true);
    }

    private static string Count(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
