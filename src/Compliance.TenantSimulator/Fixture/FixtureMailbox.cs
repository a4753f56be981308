namespace Compliance.TenantSimulator.Fixture;

/// <summary>
/// A user account with an Exchange mailbox. <see cref="Type"/> decides Graph's mailboxSettings.userPurpose and
/// Exchange's RecipientTypeDetails (m365-apis.md §6): shared, user, room, equipment.
/// </summary>
internal sealed class FixtureMailbox
{
    public string Id { get; set; } = "";
    public string Address { get; set; } = "";
    public string? DisplayName { get; set; }
    public string Type { get; set; } = "user";
    /// <summary>Shared mailboxes should have sign-in blocked, but nothing enforces it (m365-apis.md §6); default false for shared, true otherwise.</summary>
    public bool? AccountEnabled { get; set; }
    public bool AuditEnabled { get; set; } = true;
    public string? Department { get; set; }
    public string? Company { get; set; }
    public string? Office { get; set; }
    /// <summary>CustomAttribute1..15 by number ("1".."15").</summary>
    public Dictionary<string, string> CustomAttributes { get; set; } = [];
    public string? CreatedDateTime { get; set; }
}
