using System.Globalization;
using Compliance.TenantSimulator.Model;

namespace Compliance.TenantSimulator.Fixture;

/// <summary>Expands the fixture's activity series into rows, deterministically (ids and minutes from a fixed integer mix, no System.Random).</summary>
internal static class ActivityBuilder
{
    public static SimActivity Build(FixtureActivity activity, DateTimeOffset anchor, IReadOnlyList<SimServicePrincipal> servicePrincipals, SimDirectory directory)
    {
        var signIns = new List<SimSignIn>();
        for (var s = 0; s < activity.SignIns.Count; s++)
        {
            var series = activity.SignIns[s];
            var sp = servicePrincipals.FirstOrDefault(p => string.Equals(p.AppId, series.AppId, StringComparison.OrdinalIgnoreCase))
                ?? throw new InvalidDataException($"Sign-in series {s}: app {series.AppId} is not in the fixture.");
            var resourceAppId = RoleCatalog.AppId(series.Resource);
            var n = 0;
            foreach (var at in Times(series.At, series.Count, series.From, series.To, series.EveryHours, anchor, $"sign-in series {s}"))
            {
                var when = at.AddSeconds(Mix(s, n) % 1800);
                signIns.Add(new SimSignIn(
                    FixtureBuilder.DeterministicGuid("sign-in", $"{s}/{n}"), when > anchor ? anchor : when, sp.AppId, sp.DisplayName, sp.ObjectId,
                    series.ErrorCode, series.ClientCredentialType, series.CredentialKeyId, series.IpAddress, RoleCatalog.DisplayName(series.Resource), resourceAppId));
                n++;
            }
        }

        var messages = new List<SimMessage>();
        for (var s = 0; s < activity.Messages.Count; s++)
        {
            var series = activity.Messages[s];
            IEnumerable<DateTimeOffset> days = series.PerDay > 0
                ? Times(null, 1, series.From, series.To, 24, anchor, $"message series {s}").SelectMany(d => Enumerable.Repeat(d, series.PerDay))
                : Times(series.At, 1, null, null, 24, anchor, $"message series {s}").SelectMany(d => Enumerable.Repeat(d, series.Count));
            var n = 0;
            foreach (var day in days)
            {
                // Spread over the working day so per-day counts stay exact (08:00 + up to 10 h).
                var start = new DateTimeOffset(day.UtcDateTime.Date, TimeSpan.Zero).AddHours(8);
                var when = start.AddSeconds(Mix(s + 1000, n) % 36000);
                if (when > anchor)
                {
                    when = anchor.AddMinutes(-1 - (n % 60));
                }

                var id = FixtureBuilder.DeterministicGuid("message", $"{s}/{n}");
                messages.Add(new SimMessage(
                    id, when, series.Sender, series.Recipient, $"<{id[..8]}.{n.ToString(CultureInfo.InvariantCulture)}@{series.Sender[(series.Sender.IndexOf('@', StringComparison.Ordinal) + 1)..]}>",
                    series.Subject, 20_000 + (Mix(s, n) % 60_000), series.Status));
                n++;
            }
        }

        var audit = new List<SimAuditRecord>();
        for (var i = 0; i < activity.MailboxAudit.Count; i++)
        {
            var row = activity.MailboxAudit[i];
            var mailbox = directory.MailboxByKey(row.Mailbox) ?? throw new InvalidDataException($"Mailbox audit row {i}: '{row.Mailbox}' is not a mailbox of the fixture.");
            audit.Add(new SimAuditRecord(FixtureBuilder.DeterministicGuid("audit", i.ToString(CultureInfo.InvariantCulture)), RelativeDate.Resolve(row.At, anchor), row.Operation, mailbox.Address, mailbox.Id, row.AppId, row.Subject));
        }

        return new SimActivity(
            signIns.OrderByDescending(x => x.CreatedDateTime).ToList(),
            messages.OrderByDescending(x => x.ReceivedDateTime).ToList(),
            audit.OrderByDescending(x => x.CreatedDateTime).ToList())
        {
            LogAnalyticsDataSince = DataSince(activity.LogAnalytics, anchor),
        };
    }

    private static DateTimeOffset? DataSince(FixtureLogAnalytics? workspace, DateTimeOffset anchor)
    {
        if (workspace?.DataSince is not { } text)
        {
            return null;
        }

        try
        {
            return RelativeDate.Resolve(text, anchor);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException(
                $"activity.logAnalytics.dataSince: '{text}' is not a date (ISO 8601, now±N[d|h|m]… or month±N[d|h|m]…): {e.Message}", e);
        }
    }

    private static IEnumerable<DateTimeOffset> Times(string? at, int count, string? from, string? to, int everyHours, DateTimeOffset anchor, string what)
    {
        if (at is not null)
        {
            var end = RelativeDate.Resolve(at, anchor);
            for (var i = 0; i < count; i++)
            {
                yield return end.AddHours(-i);
            }

            yield break;
        }

        if (from is null || to is null || everyHours < 1)
        {
            throw new InvalidDataException($"The {what} needs either \"at\" or \"from\", \"to\" and a positive interval.");
        }

        var first = RelativeDate.Resolve(from, anchor);
        var last = RelativeDate.Resolve(to, anchor);
        for (var t = first; t <= last; t = t.AddHours(everyHours))
        {
            yield return t;
        }
    }

    /// <summary>A fixed integer hash (splitmix-style) so spreads never depend on runtime randomisation.</summary>
    internal static int Mix(int a, int b)
    {
        var x = (ulong)(uint)a * 0x9E3779B97F4A7C15UL ^ (ulong)(uint)b * 0xBF58476D1CE4E5B9UL;
        x ^= x >> 31;
        x *= 0x94D049BB133111EBUL;
        x ^= x >> 29;
        return (int)(x & 0x7FFFFFFF);
    }
}
