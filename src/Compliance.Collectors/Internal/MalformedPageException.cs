namespace Compliance.Collectors.Internal;

/// <summary>A 2xx answer whose JSON body does not parse (a truncated or corrupted transfer): transient, retried.</summary>
internal sealed class MalformedPageException : Exception
{
    public MalformedPageException()
    {
    }

    public MalformedPageException(string message)
        : base(message)
    {
    }

    public MalformedPageException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
