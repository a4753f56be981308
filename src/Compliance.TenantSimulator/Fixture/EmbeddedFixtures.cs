namespace Compliance.TenantSimulator.Fixture;

/// <summary>Reads the JSON files embedded from Fixtures/** (resource names use dots for folders).</summary>
internal static class EmbeddedFixtures
{
    public static Stream Open(string relativePath)
    {
        var assembly = typeof(EmbeddedFixtures).Assembly;
        var name = "Compliance.TenantSimulator.Fixtures." + relativePath.Replace('/', '.');
        return assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded fixture '{name}' is missing.");
    }

    public static string ReadText(string relativePath)
    {
        using var reader = new StreamReader(Open(relativePath));
        return reader.ReadToEnd();
    }
}
