using Microsoft.Extensions.Configuration;

namespace Compliance.Worker.Configuration;

/// <summary>
/// Reads appsettings.json (beside the binary, or the file given with --config) plus COMPLIANCE__* environment
/// variables, binds it strictly (unknown keys and unconvertible values are errors) and validates it.
/// </summary>
public static class SettingsLoader
{
    public const string FileName = "appsettings.json";

    public static string DefaultPath => Path.Combine(AppContext.BaseDirectory, FileName);

    public static ComplianceSettings Load(string? path = null)
    {
        var file = Path.GetFullPath(path ?? DefaultPath);
        if (!File.Exists(file))
        {
            throw new ConfigurationError($"{file}: configuration file not found");
        }

        IConfigurationRoot configuration;
        try
        {
            configuration = new ConfigurationBuilder()
                .AddJsonFile(file, optional: false, reloadOnChange: false)
                .AddEnvironmentVariables("COMPLIANCE__")
                .Build();
        }
        catch (Exception e) when (e is FormatException or InvalidDataException or System.Text.Json.JsonException)
        {
            throw new ConfigurationError($"{file}: not valid JSON: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }

        ComplianceSettings settings;
        try
        {
            settings = configuration.Get<ComplianceSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new ComplianceSettings();
        }
        catch (InvalidOperationException e)
        {
            throw new ConfigurationError($"{Path.GetFileName(file)}: {FirstLine(e.Message)}");
        }

        var problems = SettingsValidator.Validate(settings).Select(p => $"{Path.GetFileName(file)}: {p.Key}: {p.Problem}").ToList();
        return problems.Count == 0 ? settings : throw new ConfigurationError(problems);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
