using System.Globalization;
using System.Text.Json.Nodes;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Graph;

/// <summary>Beta signIn, exchangeMessageTrace(+Detail) and security auditLogRecord shapes (m365-apis.md §1.1, §2.1, §3.1).</summary>
internal static class ActivityJson
{
    public static readonly IReadOnlySet<string> SignInFields = Fields(
        "id", "createdDateTime", "appId", "appDisplayName", "servicePrincipalId", "servicePrincipalName", "signInEventTypes", "clientCredentialType",
        "servicePrincipalCredentialKeyId", "servicePrincipalCredentialThumbprint", "federatedCredentialId", "resourceDisplayName", "resourceId",
        "resourceServicePrincipalId", "ipAddress", "status", "location", "correlationId", "userId", "userPrincipalName", "conditionalAccessStatus", "isInteractive");

    public static readonly IReadOnlySet<string> MessageFields = Fields(
        "id", "senderAddress", "recipientAddress", "messageId", "receivedDateTime", "subject", "size", "fromIP", "toIP", "status");

    public static readonly IReadOnlySet<string> RecordFields = Fields(
        "id", "createdDateTime", "auditLogRecordType", "operation", "organizationId", "userType", "userId", "userPrincipalName", "service", "objectId", "clientIp", "administrativeUnits", "auditData");

    public static JsonObject SignIn(SimSignIn s) => new()
    {
        ["id"] = s.Id,
        ["createdDateTime"] = Date(s.CreatedDateTime),
        ["userDisplayName"] = null,
        ["userPrincipalName"] = null,
        ["userId"] = "",
        ["appId"] = s.AppId,
        ["appDisplayName"] = s.AppDisplayName,
        ["ipAddress"] = s.IpAddress,
        ["clientAppUsed"] = null,
        ["correlationId"] = Fixture.FixtureBuilder.DeterministicGuid(s.Id, "correlation"),
        ["conditionalAccessStatus"] = "notApplied",
        ["isInteractive"] = false,
        ["riskDetail"] = "none",
        ["resourceDisplayName"] = s.ResourceDisplayName,
        ["resourceId"] = s.ResourceAppId,
        ["resourceServicePrincipalId"] = null,
        ["servicePrincipalId"] = s.ServicePrincipalId,
        ["servicePrincipalName"] = s.AppDisplayName,
        ["signInEventTypes"] = new JsonArray("servicePrincipal"),
        ["clientCredentialType"] = s.ClientCredentialType,
        ["servicePrincipalCredentialKeyId"] = s.CredentialKeyId,
        ["servicePrincipalCredentialThumbprint"] = s.ClientCredentialType == "certificate" ? Thumbprint(s.CredentialKeyId) : "",
        ["federatedCredentialId"] = null,
        ["tokenIssuerType"] = "AzureAD",
        ["status"] = new JsonObject
        {
            ["errorCode"] = s.ErrorCode,
            ["failureReason"] = s.ErrorCode switch
            {
                0 => null,
                7000215 => "Invalid client secret is provided.",
                7000222 => "The provided client secret keys are expired.",
                _ => "Other.",
            },
            ["additionalDetails"] = null,
        },
        ["location"] = new JsonObject { ["city"] = "London", ["state"] = "England", ["countryOrRegion"] = "GB", ["geoCoordinates"] = null },
    };

    public static JsonObject Message(SimMessage m) => new()
    {
        ["id"] = m.Id,
        ["senderAddress"] = m.SenderAddress,
        ["recipientAddress"] = m.RecipientAddress,
        ["messageId"] = m.MessageId,
        ["receivedDateTime"] = Date(m.ReceivedDateTime),
        ["subject"] = m.Subject,
        ["size"] = m.Size,
        ["fromIP"] = "",
        ["toIP"] = m.Status == "delivered" ? "198.51.100.25" : null,
        ["status"] = m.Status,
    };

    /// <summary>Receive → Submit → Deliver/Fail, as the per-recipient detail lists a message's events.</summary>
    public static IEnumerable<JsonObject> Details(SimMessage m)
    {
        var last = m.Status switch
        {
            "delivered" => ("Deliver", "The message was successfully delivered."),
            "failed" => ("Fail", "Reason: [{LED=550 5.1.1 RESOLVER.ADR.RecipNotFound; not found}]"),
            "filteredAsSpam" => ("Spam", "The message was marked as spam."),
            "quarantined" => ("Quarantine", "The message was quarantined."),
            _ => ("Defer", "The message is pending."),
        };
        var steps = new[] { ("Receive", "Message received by: EURPR01MB0001.prod.outlook.com"), ("Submit", "The message was submitted."), last };
        return steps.Select((step, i) => new JsonObject
        {
            ["id"] = Fixture.FixtureBuilder.DeterministicGuid(m.Id, step.Item1),
            ["messageTraceId"] = m.Id,
            ["messageId"] = m.MessageId,
            ["dateTime"] = Date(m.ReceivedDateTime.AddSeconds(i * 2)),
            ["event"] = step.Item1,
            ["action"] = null,
            ["description"] = step.Item2,
            ["data"] = "<root></root>",
        });
    }

    public static JsonObject Record(SimAuditRecord r, string tenantId) => new()
    {
        ["id"] = r.Id,
        ["createdDateTime"] = Date(r.CreatedDateTime),
        ["auditLogRecordType"] = "exchangeItem",
        ["operation"] = r.Operation,
        ["organizationId"] = tenantId,
        ["userType"] = "application",
        ["userId"] = r.MailboxAddress,
        ["userPrincipalName"] = r.MailboxAddress,
        ["service"] = "Exchange",
        ["objectId"] = null,
        ["clientIp"] = "203.0.113.20",
        ["administrativeUnits"] = new JsonArray(),
        ["auditData"] = new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.security.defaultAuditData",
            ["CreationTime"] = r.CreatedDateTime.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture),
            ["Id"] = r.Id,
            ["Operation"] = r.Operation,
            ["OrganizationId"] = tenantId,
            ["RecordType"] = 2,
            ["ResultStatus"] = "Succeeded",
            ["UserKey"] = r.AppId,
            ["UserType"] = 5,
            ["Workload"] = "Exchange",
            ["UserId"] = r.MailboxAddress,
            ["MailboxOwnerUPN"] = r.MailboxAddress,
            ["MailboxGuid"] = Fixture.FixtureBuilder.DeterministicGuid(r.MailboxId, "exchange-guid"),
            ["LogonType"] = 0,
            ["AppId"] = r.AppId,
            ["ClientAppId"] = r.AppId,
            ["SendAsUserSmtp"] = r.Operation == "SendAs" ? r.MailboxAddress : null,
            ["Item"] = new JsonObject { ["Id"] = "RgAAAA" + r.Id[..8], ["Subject"] = r.Subject, ["InternetMessageId"] = $"<{r.Id[..8]}@contoso-demo.example>", ["SizeInBytes"] = 30_000 },
        },
    };

    public static string Date(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static string Thumbprint(string? keyId) =>
        keyId is null ? "" : Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(keyId))[..20]);

    private static HashSet<string> Fields(params string[] names) => new(names, StringComparer.OrdinalIgnoreCase);
}
