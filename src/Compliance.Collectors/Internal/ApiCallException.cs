namespace Compliance.Collectors.Internal;

/// <summary>A non-success answer from a plain-HTTP source (beta Graph, Log Analytics), with the service's error code and message.</summary>
internal sealed class ApiCallException : Exception
{
    public ApiCallException()
    {
    }

    public ApiCallException(string message)
        : base(message)
    {
    }

    public ApiCallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public ApiCallException(string api, int status, string? code, string? serviceMessage)
        : base($"{api}: HTTP {status} {code}: {serviceMessage}")
    {
        Api = api;
        Status = status;
        Code = code;
        ServiceMessage = serviceMessage;
    }

    public string Api { get; } = "";

    public int Status { get; }

    public string? Code { get; }

    public string? ServiceMessage { get; }
}
