using System.CommandLine;
using Compliance.TenantSimulator.Generation;
using Compliance.TenantSimulator.Hosting;

namespace Compliance.TenantSimulator.CommandLine;

/// <summary>
/// The `simulate` options, shared by `compliance simulate` and the simulator's own executable so both accept the same
/// arguments (contract.md "simulate").
/// </summary>
public static class SimulateCommandLine
{
    public static Command Create(string name, TextWriter output, TimeProvider time)
    {
        var urls = new Option<string>("--urls") { Description = "Where to listen: http(s)://127.0.0.1:PORT (loopback only)", Required = true };
        var tenant = new Option<string?>("--tenant") { Description = "Tenant fixture JSON file (docs/tenant-fixture.md)" };
        var scale = new Option<string?>("--scale") { Description = "Generate a tenant instead: small or large" };
        scale.AcceptOnlyFromAmong("small", "large");
        var seed = new Option<int>("--seed") { Description = "Seed of the generated tenant and of the fault profile", DefaultValueFactory = _ => 1 };
        var faults = new Option<string>("--faults") { Description = "Fault profile: " + string.Join(", ", Enum.GetNames<FaultProfile>()), DefaultValueFactory = _ => "None" };
        var export = new Option<string?>("--export") { Description = "Also write expected-findings.json and register.json of the tenant to this directory" };
        var throttling = new Option<string>("--throttling") { Description = "Microsoft's documented service limits (429 + Retry-After): on (default) or off, for unpaced benchmark runs", DefaultValueFactory = _ => "on" };
        throttling.AcceptOnlyFromAmong("on", "off");
        var activityScale = new Option<double>("--activity-scale")
        {
            Description = "With --scale: multiply the generated tenant's background sign-ins and message-trace rows by this factor (default 1)",
            DefaultValueFactory = _ => 1.0,
        };
        var command = new Command(name, "Serve the tenant simulator in the foreground until Ctrl+C (demo tenant unless --tenant or --scale)")
        {
            urls, tenant, scale, seed, faults, export, throttling, activityScale,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(tenant) is not null && result.GetValue(scale) is not null)
            {
                result.AddError("--tenant and --scale exclude each other: serve a fixture file or a generated tenant.");
            }

            if (!Uri.TryCreate(result.GetValue(urls), UriKind.Absolute, out _))
            {
                result.AddError($"--urls '{result.GetValue(urls)}' is not an absolute URL such as http://127.0.0.1:5080.");
            }

            if (ParseFaults(result.GetValue(faults)) is null)
            {
                result.AddError($"--faults '{result.GetValue(faults)}' is not one of: {string.Join(", ", Enum.GetNames<FaultProfile>())}.");
            }

            // A validator sees no value for an option left out (GetValue gives 0, not the default factory's 1).
            var given = result.GetResult(activityScale) is { Implicit: false };
            if (SimulateRequest.RefuseActivityScale(ParseScale(result.GetValue(scale)), given ? result.GetValue(activityScale) : 1.0, given) is { } refusal)
            {
                result.AddError(refusal);
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            var request = new SimulateRequest(
                new Uri(parse.GetValue(urls)!),
                parse.GetValue(tenant),
                ParseScale(parse.GetValue(scale)),
                parse.GetValue(seed),
                ParseFaults(parse.GetValue(faults)) ?? FaultProfile.None,
                parse.GetValue(export))
            {
                Throttling = parse.GetValue(throttling) != "off",
                ActivityScale = parse.GetValue(activityScale),
            };
            return SimulatorConsole.RunAsync(request, output, time, cancellationToken);
        });
        return command;
    }

    private static TenantScale? ParseScale(string? value) => value is null ? null : Enum.Parse<TenantScale>(value, ignoreCase: true);

    /// <summary>Names as in FaultProfile, any case, dashes allowed (connection-reset); empty = None.</summary>
    private static FaultProfile? ParseFaults(string? value) =>
        string.IsNullOrEmpty(value) ? FaultProfile.None
        : Enum.TryParse<FaultProfile>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var profile) && Enum.IsDefined(profile) ? profile
        : null;
}
