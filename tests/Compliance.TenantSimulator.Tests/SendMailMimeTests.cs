using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Compliance.TenantSimulator.Tests;

/// <summary>sendMail with a base64 MIME body (Content-Type text/plain), as Graph accepts it, through real HTTP.</summary>
public class SendMailMimeTests
{
    private const string Url = "v1.0/users/compliance-alerts@contoso-demo.example/sendMail";

    private const string Mime =
        "From: compliance-alerts@contoso-demo.example\r\nTo: secops@contoso-demo.example\r\nSubject: test\r\n" +
        "Message-ID: <m1@contoso-demo.example>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"b1\"\r\n\r\n" +
        "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nhello\r\n--b1--\r\n";

    private static async Task<(int Status, string? Code)> PostAsync(TestTenant tenant, string token, string body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, Url) { Content = new StringContent(body, Encoding.ASCII) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await tenant.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonDocument.Parse(text).RootElement.GetProperty("error").GetProperty("code").GetString());
    }

    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    [Fact]
    public async Task A_base64_MIME_body_is_accepted_and_kept_in_the_outbox_exactly_as_sent()
    {
        var outbox = Path.Combine(Path.GetTempPath(), "sim-outbox-" + Guid.NewGuid().ToString("N"));
        await using var tenant = await TestTenant.StartAsync(options: new SimulatorOptions { OutboxDirectory = outbox });
        try
        {
            var token = await tenant.TokenAsync();
            // Line-wrapped base64, as in the Learn example: white space between the characters is not content.
            var wrapped = string.Join("\r\n", Base64(Mime).Chunk(76).Select(c => new string(c)));
            Assert.Equal((202, null), await PostAsync(tenant, token, wrapped));
            Assert.Equal(Mime, await File.ReadAllTextAsync(Assert.Single(Directory.GetFiles(outbox, "*.eml"))));
        }
        finally
        {
            if (Directory.Exists(outbox))
            {
                Directory.Delete(outbox, recursive: true);
            }
        }
    }

    [Fact]
    public async Task Bad_MIME_bodies_get_400_with_Graph_error_codes_and_nothing_is_sent()
    {
        await using var tenant = await TestTenant.StartAsync();
        var token = await tenant.TokenAsync();
        Assert.Equal((400, "ErrorMimeContentInvalidBase64String"), await PostAsync(tenant, token, "this is not base64!"));
        Assert.Equal((400, "ErrorMimeContentInvalidBase64String"), await PostAsync(tenant, token, ""));
        Assert.Equal((400, "ErrorMimeContentInvalid"), await PostAsync(tenant, token, Base64("no header section at all")));
        Assert.Equal((400, "ErrorMimeContentInvalid"), await PostAsync(tenant, token, Base64("To: a@b.example\r\nnot a field\r\n\r\nbody")));
        Assert.Equal((400, "ErrorMimeContentInvalid"), await PostAsync(tenant, token, Base64(Mime.Replace("--b1--", "--b2--", StringComparison.Ordinal))));
        Assert.Equal((400, "ErrorInvalidRecipients"), await PostAsync(tenant, token, Base64(Mime.Replace("To: secops@contoso-demo.example\r\n", "", StringComparison.Ordinal))));
        Assert.Empty(tenant.Host.SentMail.Messages);
    }
}
