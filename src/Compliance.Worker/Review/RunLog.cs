using System.Globalization;

namespace Compliance.Worker.Review;

/// <summary>
/// Progress as structured lines (time, level, event, key=value) on stderr, so stdout stays the result.
/// Values are written by the caller; never pass a secret.
/// </summary>
public sealed class RunLog(TextWriter writer, TimeProvider time)
{
    private readonly Lock gate = new();

    public void Info(string eventName, params (string Key, object? Value)[] fields) => Write("info", eventName, fields);

    public void Warn(string eventName, params (string Key, object? Value)[] fields) => Write("warn", eventName, fields);

    private void Write(string level, string eventName, (string Key, object? Value)[] fields)
    {
        var parts = fields.Where(f => f.Value is not null && f.Value is not "").Select(f => $"{f.Key}={Quote(Convert.ToString(f.Value, CultureInfo.InvariantCulture))}");
        var line = $"{time.GetUtcNow():yyyy-MM-ddTHH:mm:ssZ} {level} {eventName} {string.Join(' ', parts)}".TrimEnd();
        lock (gate)
        {
            writer.WriteLine(line);
        }
    }

    private static string Quote(string? value) =>
        value is null ? "null" : value.Contains(' ', StringComparison.Ordinal) || value.Length == 0 ? $"\"{value.Replace("\"", "\\\"", StringComparison.Ordinal)}\"" : value;
}
