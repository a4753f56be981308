namespace Compliance.Collectors.Internal;

/// <summary>A failed InvokeCommand call; the message is already the admin-readable reason.</summary>
internal sealed class ExchangeAdminException : Exception
{
    public ExchangeAdminException()
    {
    }

    public ExchangeAdminException(string message)
        : base(message)
    {
    }

    public ExchangeAdminException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
