using System.Text.Json;
using Compliance.Collectors.Delta;
using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Mailbox = Compliance.Rules.Evidence.Mailbox;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Mailboxes as the scope computation sees them: Get-Mailbox through InvokeCommand (RecipientTypeDetails,
/// AuditEnabled and the OPATH-filterable properties) joined on ExternalDirectoryObjectId with Graph users
/// (accountEnabled, department, company). mailboxSettings/userPurpose is one call per mailbox, so it is read only
/// when Get-Mailbox is unavailable, and then only for the sender mailboxes the review is about (m365-apis.md §6).
/// Graph users are kept in step with users/delta across runs; Get-Mailbox (Exchange) has no delta, so it is read whole
/// once and then only what changed since, by WhenChangedUTC (GetMailboxSync). Either read failing leaves its stored
/// copy in force; a failed Get-Mailbox makes the records come from Graph, with the reason, as it always has.
/// </summary>
internal sealed class MailboxesCollector(TenantConnection connection, SourceContext source, CollectionOptions options, IDirectoryDeltaStore? store)
{
    // accountEnabled is not in Graph's default property set: it must be selected.
    private static readonly string[] UserFields =
        ["id", "userPrincipalName", "mail", "displayName", "accountEnabled", "department", "companyName", "officeLocation", "proxyAddresses", "mailNickname"];

    private static readonly SourceRequirement Requirement = new(
        "Exchange.ManageAsApp and User.Read.All", PermissionGuide.ExchangeManageAsApp + "; and " + PermissionGuide.Graph("User.Read.All"));

    private static readonly SourceRequirement UsersRequirement = SourceRequirement.Graph("User.Read.All");

    public Task<SourceOutcome<Mailbox>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var graph = GraphClients.Create(connection, source);
            List<MailboxUser>? users = null;
            Exception? usersFailure = null;
            try
            {
                users = await UsersAsync(graph, token);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                usersFailure = e;
            }

            // Get-Mailbox rows are kept slim (only the properties read here) and joined once all are in.
            var byId = (users ?? []).GroupBy(u => u.Id, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First(), StringComparer.OrdinalIgnoreCase);
            List<Mailbox>? records = [];
            Exception? exchangeFailure = null;
            var strings = new MailboxStrings();
            try
            {
                using var client = new ExchangeAdminClient(connection, source);
                foreach (var row in await new GetMailboxSync(store, connection.TenantId, source).SyncAsync(client, token))
                {
                    using var document = JsonDocument.Parse(row);
                    records.Add(FromExchange(document.RootElement, byId, strings));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                exchangeFailure = e;
                records = null;
            }

            if (users is null && records is null)
            {
                throw new ExchangeAdminException(
                    $"Graph users: {FailureReason.Describe(usersFailure!, UsersRequirement)}; Get-Mailbox: {FailureReason.Describe(exchangeFailure!, SourceRequirement.Exchange)}");
            }

            if (records is not null)
            {
                var partial = usersFailure is null ? null
                    : $"accountEnabled, department and company unknown: Graph users not read ({FailureReason.Describe(usersFailure, UsersRequirement)})";
                return ((IReadOnlyList<Mailbox>)records, partial);
            }

            var fromGraph = await FromGraphAsync(graph, users!, strings, token);
            return ((IReadOnlyList<Mailbox>)fromGraph,
                $"RecipientTypeDetails and AuditEnabled unknown: Get-Mailbox not read ({FailureReason.Describe(exchangeFailure!, SourceRequirement.Exchange)}); "
                + "mailbox type taken from mailboxSettings/userPurpose of the sender mailboxes");
        }, ct);

    /// <summary>Graph users: the listing plus a "sync from now" deltaLink, then only the changes (DeltaSync).</summary>
    private async Task<List<MailboxUser>> UsersAsync(GraphServiceClient graph, CancellationToken ct)
    {
        var sync = new DeltaSync(store, connection.TenantId, source, connection.Endpoints.GraphBaseUrl);
        var requests = DeltaRequests.Listed(
            () => graph.Users.Delta.ToGetRequestInformation(r => r.QueryParameters.Select = UserFields),
            () => graph.Users.ToGetRequestInformation(r => (r.QueryParameters.Select, r.QueryParameters.Top) = (UserFields, 999)),
            link => graph.Users.WithUrl(link).ToGetRequestInformation());
        var users = await sync.SyncAsync(graph, requests, o => MailboxUser.From(DeltaObjects.Typed(o, Microsoft.Graph.Models.User.CreateFromDiscriminatorValue)), ct);
        return [.. users];
    }

    private static Mailbox FromExchange(JsonElement row, Dictionary<string, MailboxUser> users, MailboxStrings strings)
    {
        var id = ExchangeRow.Text(row, "ExternalDirectoryObjectId") ?? "";
        var user = users.GetValueOrDefault(id);
        var alias = ExchangeRow.Text(row, "Alias");
        var displayName = ExchangeRow.Text(row, "DisplayName") ?? user?.DisplayName;
        return new Mailbox(
            id,
            ExchangeRow.Text(row, "PrimarySmtpAddress") ?? user?.Mail ?? "",
            alias,
            MailboxStrings.Name(ExchangeRow.Text(row, "Name"), alias, displayName),
            displayName,
            strings.Type(ExchangeRow.Text(row, "RecipientTypeDetails")),
            null,
            user?.AccountEnabled,
            ExchangeRow.Bool(row, "AuditEnabled"),
            ExchangeRow.List(row, "EmailAddresses"),
            strings.Department(user?.Department),
            strings.Company(user?.CompanyName),
            strings.Office(ExchangeRow.Text(row, "Office") ?? user?.OfficeLocation),
            CustomAttributes.Of(row),
            ExchangeRow.Text(row, "DistinguishedName"));
    }

    private async Task<List<Mailbox>> FromGraphAsync(GraphServiceClient graph, List<MailboxUser> users, MailboxStrings strings, CancellationToken ct)
    {
        var senders = new HashSet<string>(options.SenderAddresses, StringComparer.OrdinalIgnoreCase);
        var result = new List<Mailbox>();
        foreach (var user in users.Where(u => u.Mail is not null))
        {
            string? purpose = null;
            if (senders.Contains(user.Mail!))
            {
                var settings = await graph.Users[user.Id].MailboxSettings.GetAsync(r => r.QueryParameters.Select = ["userPurpose"], ct);
                purpose = settings?.UserPurpose?.ToString()?.ToLowerInvariant();
            }

            result.Add(new Mailbox(
                user.Id, user.Mail!, user.MailNickname, null, user.DisplayName, null, purpose, user.AccountEnabled, null, user.ProxyAddresses,
                strings.Department(user.Department), strings.Company(user.CompanyName), strings.Office(user.OfficeLocation), CustomAttributes.None, null));
        }

        return result;
    }
}
