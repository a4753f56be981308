namespace Compliance.Collectors.Internal;

internal static class ErrorText
{
    private const int MaxLength = 600;

    /// <summary>The distinct messages of an exception chain, outermost first: the useful TLS or AADSTS text is often inner.</summary>
    public static string Flatten(Exception ex)
    {
        var messages = new List<string>();
        for (var e = ex; e is not null; e = e.InnerException)
        {
            var message = e.Message.Trim();
            if (message.Length > 0 && !messages.Any(m => m.Contains(message, StringComparison.Ordinal)))
            {
                messages.Add(message);
            }
        }

        var text = string.Join(" → ", messages).ReplaceLineEndings(" ");
        return text.Length <= MaxLength ? text : text[..MaxLength] + "…";
    }
}
