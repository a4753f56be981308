using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace Compliance.Rules.Evidence;

/// <summary>
/// An IP address as the logs wrote it, kept as 4 bytes when it is an IPv4 address in canonical dotted form (the form
/// formatting gives back) and as the text otherwise (IPv6, anything unusual), so <see cref="Value"/> returns exactly
/// the text it was given. Most service-principal sign-ins come from IPv4 egress addresses; a million of them as strings
/// cost ~50 MB of the large tenant's review (its generated addresses are nearly all distinct, so pooling cannot help).
/// </summary>
public readonly record struct IpText
{
    private readonly uint v4;
    private readonly bool isV4;
    private readonly string? text;

    private IpText(uint v4, bool isV4, string? text)
    {
        this.v4 = v4;
        this.isV4 = isV4;
        this.text = text;
    }

    /// <summary>The address; default (no address) for null.</summary>
    public static IpText Of(string? value)
    {
        if (value is null)
        {
            return default;
        }

        Span<byte> bytes = stackalloc byte[4];
        return IPAddress.TryParse(value, out var address) && address.AddressFamily == AddressFamily.InterNetwork
            && address.TryWriteBytes(bytes, out _) && address.ToString() == value
            ? new IpText(BinaryPrimitives.ReadUInt32BigEndian(bytes), true, null)
            : new IpText(0, false, value);
    }

    /// <summary>The text it was given, or null when there was none.</summary>
    public string? Value
    {
        get
        {
            if (!isV4)
            {
                return text;
            }

            Span<byte> bytes = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(bytes, v4);
            return new IPAddress(bytes).ToString();
        }
    }

    public override string ToString() => Value ?? "";
}
