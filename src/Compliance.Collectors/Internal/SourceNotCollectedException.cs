namespace Compliance.Collectors.Internal;

/// <summary>A source that cannot run for a reason of our own making (e.g. nothing to ask for); the message is the reason.</summary>
internal sealed class SourceNotCollectedException : Exception
{
    public SourceNotCollectedException()
    {
    }

    public SourceNotCollectedException(string message)
        : base(message)
    {
    }

    public SourceNotCollectedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
