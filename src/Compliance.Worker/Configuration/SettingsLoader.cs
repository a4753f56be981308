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
            throw new ConfigurationException($"{file}: configuration file not found");
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
            throw new ConfigurationException($"{file}: not valid JSON: {FirstLine(e.InnerException?.Message ?? e.Message)}");
        }

        RefuseInlineSecrets(configuration, Path.GetFileName(file));
        ComplianceSettings settings;
        try
        {
            settings = configuration.Get<ComplianceSettings>(o => o.ErrorOnUnknownConfiguration = true) ?? new ComplianceSettings();
        }
        catch (InvalidOperationException e)
        {
            // The binder wraps the real cause ("... not found on ... Integration: 'Ownr'", "Failed to convert ... at
            // 'Integrations:demo:0:ExpectedCredentialType'") in a generic "binding has failed"; the innermost names the key.
            var inner = e;
            for (Exception? next = e.InnerException; next is not null; next = next.InnerException)
            {
                if (next is InvalidOperationException deeper)
                {
                    inner = deeper;
                }
            }

            throw new ConfigurationException($"{Path.GetFileName(file)}: {Shorten(FirstLine(inner.Message))}");
        }

        var problems = SettingsValidator.Validate(settings).Select(p => $"{Path.GetFileName(file)}: {p.Key}: {Shorten(p.Problem)}").ToList();
        return problems.Count == 0 ? settings : throw new ConfigurationException(problems);
    }

    /// <summary>An error line quotes the bad value; a pasted 10 MB value is cut so the line stays readable.</summary>
    private static string Shorten(string text) => text.Length <= 400 ? text : string.Concat(text.AsSpan(0, 400), $"… ({text.Length:N0} characters)");

    /// <summary>A secret typed into the file is refused outright, naming the key but never echoing the value.</summary>
    private static void RefuseInlineSecrets(IConfiguration configuration, string file)
    {
        var secrets = configuration.AsEnumerable()
            .Where(kv => !string.IsNullOrEmpty(kv.Value) && IsSecretKey(kv.Key))
            .Select(kv => $"{file}: {kv.Key}: secrets must not be stored in appsettings.json; reference one instead with Auth:SecretEnvironmentVariable, Auth:SecretUserSecretsKey or Auth:KeyVaultUri + Auth:KeyVaultSecretName")
            .ToList();
        if (secrets.Count > 0)
        {
            throw new ConfigurationException(secrets);
        }
    }

    private static bool IsSecretKey(string key)
    {
        var last = key[(key.LastIndexOf(':') + 1)..];
        return last.Equals("ClientSecret", StringComparison.OrdinalIgnoreCase)
            || last.Equals("Secret", StringComparison.OrdinalIgnoreCase)
            || last.Equals("Password", StringComparison.OrdinalIgnoreCase)
            || last.Equals("CertificatePassword", StringComparison.OrdinalIgnoreCase);
    }

    private static string FirstLine(string message) => message.Split('\n', 2)[0].Trim();
}
