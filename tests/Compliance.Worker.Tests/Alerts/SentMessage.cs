namespace Compliance.Worker.Tests.Alerts;

/// <summary>A sent .eml read back with MimeKit, as a mail client would read it.</summary>
internal static class SentMessage
{
    public static MimeKit.MimeMessage Parse(string eml)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(eml));
        return MimeKit.MimeMessage.Load(stream);
    }

    public static byte[] Content(MimeKit.MimePart part)
    {
        using var output = new MemoryStream();
        (part.Content ?? throw new InvalidDataException("the attachment has no content")).DecodeTo(output);
        return output.ToArray();
    }
}
