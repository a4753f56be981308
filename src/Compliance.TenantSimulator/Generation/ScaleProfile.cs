using System.Globalization;

namespace Compliance.TenantSimulator.Generation;

/// <summary>The counts behind a <see cref="TenantScale"/> (docs/tenant-fixture.md "Generated tenants").</summary>
internal sealed record ScaleProfile(
    int ServicePrincipals,
    int SharedMailboxes,
    int UserMailboxes,
    int RoomMailboxes,
    int EquipmentMailboxes,
    int Groups,
    int AdministrativeUnits,
    int CopiesPerDefect,
    int CleanIntegrations,
    int CopiesPerUnregisteredKind,
    int GraphPermissionEvery,
    int BackgroundSignIns,
    int BackgroundMessages)
{
    public static ScaleProfile Of(TenantScale scale) => scale switch
    {
        // Few hundred SPs: each defect once, so a test can read every planted case.
        TenantScale.Small => new(ServicePrincipals: 320, SharedMailboxes: 60, UserMailboxes: 200, RoomMailboxes: 8, EquipmentMailboxes: 2,
            Groups: 12, AdministrativeUnits: 2, CopiesPerDefect: 1, CleanIntegrations: 4, CopiesPerUnregisteredKind: 1,
            GraphPermissionEvery: 10, BackgroundSignIns: 5_000, BackgroundMessages: 3_000),
        // Issue 3 item 6: 100,000 SPs, 50,000 mailboxes, 1 M sign-ins and 500 k message-trace rows for a month.
        TenantScale.Large => new(ServicePrincipals: 100_000, SharedMailboxes: 10_000, UserMailboxes: 38_000, RoomMailboxes: 1_500, EquipmentMailboxes: 500,
            Groups: 2_000, AdministrativeUnits: 40, CopiesPerDefect: 6, CleanIntegrations: 60, CopiesPerUnregisteredKind: 12,
            GraphPermissionEvery: 30, BackgroundSignIns: 1_000_000, BackgroundMessages: 500_000),
        _ => throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown tenant scale."),
    };

    /// <summary>
    /// This profile with its background sign-ins and message-trace rows multiplied by <paramref name="factor"/>
    /// (`simulate --activity-scale`), rounded to whole rows; everything else, planted rows included, stays as it is.
    /// </summary>
    public ScaleProfile WithActivity(double factor) => RefuseActivity(factor) is { } reason
        ? throw new ArgumentOutOfRangeException(nameof(factor), factor, reason)
        : this with
        {
            BackgroundSignIns = (int)Math.Round(BackgroundSignIns * factor),
            BackgroundMessages = (int)Math.Round(BackgroundMessages * factor),
        };

    /// <summary>Why <paramref name="factor"/> cannot scale this profile's activity, or null when it can.</summary>
    public string? RefuseActivity(double factor)
    {
        var text = factor.ToString(CultureInfo.InvariantCulture);
        var rows = Math.Max(BackgroundSignIns, BackgroundMessages) * factor;
        return !double.IsFinite(factor) || factor <= 0 ? $"--activity-scale {text} must be a number above 0 (1 keeps the profile's activity)."
            // A background row's address is its int index (IAddressableRows), so one stream holds at most int.MaxValue rows.
            : rows > int.MaxValue ? string.Create(CultureInfo.InvariantCulture, $"--activity-scale {text} would make {rows:N0} background rows; at most {int.MaxValue:N0}.")
            : null;
    }
}
