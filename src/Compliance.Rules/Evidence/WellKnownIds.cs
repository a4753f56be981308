namespace Compliance.Rules.Evidence;

/// <summary>
/// First-party ids (reference/m365-apis.md §4). Role names are resolved at run time from the
/// resource SP's appRoles; these ids are a cross-check only.
/// </summary>
public static class WellKnownIds
{
    public const string MicrosoftGraphAppId = "00000003-0000-0000-c000-000000000000";
    public const string ExchangeOnlineAppId = "00000002-0000-0ff1-ce00-000000000000";
    public const string GraphMailSendRoleId = "b633e1c5-b582-4048-a93e-9f11b44c7e96";
    public const string MailSend = "Mail.Send";
}
