using Compliance.TenantSimulator.Fixture;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// Cheap deterministic GUIDs for streamed rows: a million SHA-256 hashes per page read would dominate the response
/// time, and the row ids only need to be stable and distinct.
/// </summary>
internal static class RowIds
{
    public static string Guid(int seed, int stream, int index)
    {
        Span<byte> bytes = stackalloc byte[16];
        BitConverter.TryWriteBytes(bytes, ActivityBuilder.Mix(seed * 31 + stream, index));
        BitConverter.TryWriteBytes(bytes[4..], ActivityBuilder.Mix(index, seed ^ stream));
        BitConverter.TryWriteBytes(bytes[8..], index);
        BitConverter.TryWriteBytes(bytes[12..], stream ^ (seed << 8));
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new System.Guid(bytes).ToString();
    }
}
