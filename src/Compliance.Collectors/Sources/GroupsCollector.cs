using Compliance.Collectors.Internal;
using Compliance.Rules.Evidence;
using Microsoft.Graph;
using Microsoft.Graph.Models;

namespace Compliance.Collectors.Sources;

/// <summary>
/// Mail-enabled groups with their DIRECT members (GET /groups, /groups/{id}/members): Exchange evaluates
/// MemberOfGroup on direct membership only (m365-apis.md §5.1), so nested groups are listed apart, never expanded.
/// Members are told apart by @odata.type. Graph v1.0 groups carry no distinguished name, yet scopes name groups by DN
/// (MemberOfGroup -eq '&lt;DN&gt;'), so the DN is joined from Exchange's Get-Group on ExternalDirectoryObjectId.
/// </summary>
internal sealed class GroupsCollector(TenantConnection connection, SourceContext source)
{
    private static readonly SourceRequirement Requirement = SourceRequirement.Graph("GroupMember.Read.All");

    public Task<SourceOutcome<MailGroup>> CollectAsync(CancellationToken ct) =>
        SourceRunner.RunAsync(source, Requirement, async token =>
        {
            using var client = GraphClients.Create(connection, source);
            var groups = new List<Group>();
            var page = await client.Groups.GetAsync(r =>
            {
                r.QueryParameters.Select = ["id", "displayName", "mail", "mailEnabled"];
                r.QueryParameters.Top = 999;
            }, token);
            while (page is not null)
            {
                groups.AddRange((page.Value ?? []).Where(g => g.MailEnabled != false));
                page = page.OdataNextLink is { } next ? await client.Groups.WithUrl(next).GetAsync(cancellationToken: token) : null;
            }

            var names = await DistinguishedNamesAsync(token);
            var records = new List<MailGroup>();
            var failed = new List<string>();
            foreach (var group in groups.Where(g => g.Id is not null))
            {
                try
                {
                    var (users, nested) = await MembersAsync(client, group.Id!, token);
                    records.Add(new MailGroup(group.Id!, group.DisplayName ?? "", group.Mail, names.GetValueOrDefault(group.Id!), users, nested));
                }
                catch (Exception e) when (e is not OperationCanceledException && records.Count + failed.Count > 0)
                {
                    failed.Add($"{group.DisplayName ?? group.Id}: {FailureReason.Describe(e, Requirement)}");
                }
            }

            return ((IReadOnlyList<MailGroup>)records, failed.Count == 0 ? null : $"members of {failed.Count} group(s) not read: {string.Join("; ", failed)}");
        }, ct);

    /// <summary>
    /// Group DNs by Graph group id, or none when Get-Group cannot be read: the groups and their members are still
    /// complete, and a DN is never guessed — the scope engine reports a MemberOfGroup filter it cannot resolve as
    /// undetermined, which is the honest answer without the DN.
    /// </summary>
    private async Task<Dictionary<string, string>> DistinguishedNamesAsync(CancellationToken ct)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        try
        {
            using var exchange = new ExchangeAdminClient(connection, source);
            var parameters = new Dictionary<string, object> { ["ResultSize"] = "Unlimited" };
            await foreach (var row in exchange.StreamAsync("Get-Group", parameters, ct))
            {
                if (ExchangeRow.Text(row, "ExternalDirectoryObjectId") is { } id && ExchangeRow.Text(row, "DistinguishedName") is { } dn)
                {
                    names[id] = dn;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The DNs already read are Exchange's own; the rest stay unknown.
        }

        return names;
    }

    private static async Task<(List<string> Users, List<string> Groups)> MembersAsync(GraphServiceClient client, string groupId, CancellationToken ct)
    {
        var users = new List<string>();
        var nested = new List<string>();
        var page = await client.Groups[groupId].Members.GetAsync(r =>
        {
            r.QueryParameters.Select = ["id"];
            r.QueryParameters.Top = 999;
        }, ct);
        while (page is not null)
        {
            foreach (var member in page.Value ?? [])
            {
                if (member.Id is null)
                {
                    continue;
                }

                (member is Group || string.Equals(member.OdataType, "#microsoft.graph.group", StringComparison.OrdinalIgnoreCase) ? nested : users).Add(member.Id);
            }

            page = page.OdataNextLink is { } next ? await client.Groups[groupId].Members.WithUrl(next).GetAsync(cancellationToken: ct) : null;
        }

        return (users, nested);
    }
}
