using System.Globalization;
using Compliance.TenantSimulator.Fixture;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Generation;

/// <summary>
/// The month of background activity of a generated tenant, computed from the row index whenever a row is read:
/// sign-ins of apps outside the register and mail from personal mailboxes. None of it touches a registered app or an
/// approved sender, so it changes no expected finding — it only makes the collectors page, filter and wait.
/// </summary>
internal sealed class BackgroundActivity(int seed, DateTimeOffset anchor, IReadOnlyList<SimServicePrincipal> apps, IReadOnlyList<string> senders, int signIns, int messages)
{
    private static readonly TimeSpan Month = TimeSpan.FromDays(30);

    public int SignInCount => signIns;

    public int MessageCount => messages;

    /// <summary>Sign-in row <paramref name="i"/> (0 = newest), computed from <paramref name="i"/> alone.</summary>
    public SimSignIn SignIn(int i)
    {
        var step = Month.Ticks / Math.Max(1, signIns);
        var mix = ActivityBuilder.Mix(seed, i);
        var app = apps[mix % apps.Count];
        var error = mix % 53 == 0 ? 7000215 : mix % 71 == 0 ? 7000222 : 0;
        return new SimSignIn(
            RowIds.Guid(seed, 1, i), anchor - TimeSpan.FromTicks(step * (i + 1)), app.AppId, app.DisplayName, app.ObjectId, error,
            app.Credentials.Count > 0 || mix % 2 == 0 ? "clientSecret" : "clientAssertion", app.Credentials.Count > 0 ? app.Credentials[0].KeyId : null,
            $"20.{40 + mix % 60}.{mix / 60 % 250}.{1 + mix / 15000 % 250}", "Microsoft Graph", RoleCatalog.GraphAppId);
    }

    /// <summary>Message row <paramref name="i"/> (0 = newest), computed from <paramref name="i"/> alone.</summary>
    public SimMessage Message(int i)
    {
        var step = Month.Ticks / Math.Max(1, messages);
        var mix = ActivityBuilder.Mix(seed + 7, i);
        var sender = senders[mix % senders.Count];
        var status = mix % 41 == 0 ? "failed" : mix % 67 == 0 ? "filteredAsSpam" : mix % 97 == 0 ? "pending" : "delivered";
        var id = RowIds.Guid(seed, 2, i);
        return new SimMessage(
            id, anchor - TimeSpan.FromTicks(step * (i + 1)), sender,
            $"contact{(mix / 7 % 5000).ToString(CultureInfo.InvariantCulture)}@partner{(mix % 50).ToString(CultureInfo.InvariantCulture)}.example",
            $"<{id[..8]}.{i.ToString(CultureInfo.InvariantCulture)}@{sender[(sender.IndexOf('@', StringComparison.Ordinal) + 1)..]}>",
            $"Re: order {(mix % 100000).ToString(CultureInfo.InvariantCulture)}", 8_000 + mix % 90_000, status);
    }
}
