using System.Text.Json;
using Compliance.Collectors;
using Compliance.Rules.Engine;
using Compliance.Rules.Evidence;
using Compliance.Rules.Policy;
using Compliance.TenantSimulator;
using Compliance.TenantSimulator.Model;
using Compliance.Worker.Review;

namespace Compliance.Benchmarks.Harness;

/// <summary>
/// The EvidenceSnapshot a complete collection of a generated tenant would produce, mapped straight from the fixture
/// (no HTTP): the same field choices the collectors make from the simulator's answers. The activity records are held in
/// memory, sharing their repeated strings (CompactRecords), where a review reads them from its store. Message trace is limited to
/// the register's approved senders, as collection traces only those. Sign-ins cover the whole window: a review of a
/// generated tenant reads them from the demo Log Analytics workspace (DemoTenantSession.Tune), not from Graph's 30 days;
/// each source's coverage is recorded by the review's own rule (ActivityWindow.WithCoverage).
/// </summary>
internal static class GeneratedEvidence
{
    public static EvidenceSnapshot Snapshot(TenantFixture fixture, string tenant, DateTimeOffset asOf, ReviewWindow window, DateTimeOffset periodStart)
    {
        var windowStart = window.Start;
        var register = fixture.Register.Select(e => new Integration(e.Name, e.AppId, e.Vendor, e.BusinessFunction, e.Owner, e.Ticket, e.ApprovedSenders,
            Enum.Parse<ExpectedCredentialType>(e.ExpectedCredentialType, ignoreCase: true), e.AllowedIpRanges)).ToList();
        var applications = fixture.Applications.Select(a => new AppRegistration(a.ObjectId, a.AppId, a.DisplayName, Credentials(a.Credentials, CredentialHolder.Application))).ToList();
        var principals = fixture.ServicePrincipals.Select(sp => new ServicePrincipal(sp.ObjectId, sp.AppId, sp.DisplayName, "Application", true, Credentials(sp.Credentials, CredentialHolder.ServicePrincipal))).ToList();
        var byObjectId = fixture.ServicePrincipals.ToDictionary(sp => sp.ObjectId, StringComparer.OrdinalIgnoreCase);
        var grants = fixture.AppRoleAssignments.Select(a =>
        {
            var resource = byObjectId.GetValueOrDefault(a.ResourceId);
            var value = resource?.AppRoles.FirstOrDefault(r => string.Equals(r.Id, a.AppRoleId, StringComparison.OrdinalIgnoreCase))?.Value;
            return new AppRoleGrant(a.Id, a.PrincipalId, a.PrincipalDisplayName, a.ResourceId, resource?.AppId ?? "", a.ResourceDisplayName, a.AppRoleId, value, a.CreatedDateTime);
        }).ToList();
        var policies = fixture.AccessPolicies.Select(p => new ApplicationAccessPolicy(p.Identity, p.AppId, Enum.Parse<AccessRight>(p.AccessRight, ignoreCase: true), p.ScopeName, p.ScopeIdentity, p.Description)).ToList();
        var d = fixture.Directory;
        var delegated = d.DelegatedGrants.Select(g => new DelegatedGrant(g.Id, g.ClientId, g.ConsentType, g.PrincipalId, g.ResourceId, g.Scope)).ToList();
        var rbac = d.RoleAssignments.Select(r => new ExchangeRoleAssignment(
            r.Id, r.Role.Name, r.ServicePrincipalId,
            r.ScopeId is not null ? ExchangeScopeType.CustomRecipientScope : r.AdministrativeUnitId is not null ? ExchangeScopeType.AdministrativeUnit : ExchangeScopeType.Organization,
            r.ScopeId ?? r.AdministrativeUnitId, r.Enabled)).ToList();
        var scopes = d.ManagementScopes.Select(s => new ManagementScope(s.Id, s.Name, s.RecipientFilter, s.Exclusive)).ToList();
        var mailboxes = d.Mailboxes.Select(m => new Mailbox(
            m.Id, m.Address, m.Alias, m.Alias, m.DisplayName, m.RecipientTypeDetails, m.UserPurpose, m.AccountEnabled, m.AuditEnabled,
            ["SMTP:" + m.Address, "SPO:SPO_" + m.Id + "@SPO_" + m.ExchangeGuid], m.Department, m.Company, m.Office, m.CustomAttributes, m.DistinguishedName)).ToList();
        var groups = d.Groups.Select(g => new MailGroup(g.Id, g.DisplayName, g.Mail, g.DistinguishedName, g.MemberUserIds, g.MemberGroupIds)).ToList();
        var units = d.AdministrativeUnits.Select(u => new AdministrativeUnit(u.Id, u.DisplayName, u.MemberUserIds)).ToList();
        var signIns = fixture.Activity.SignIns.Where(s => s.CreatedDateTime >= windowStart && s.CreatedDateTime < asOf).Select(s => new ServicePrincipalSignIn(
            s.Id, s.CreatedDateTime, s.AppId, s.IpAddress, s.ErrorCode, FailureReason(s.ErrorCode), s.ClientCredentialType,
            string.IsNullOrEmpty(s.CredentialKeyId) ? null : s.CredentialKeyId, s.ResourceDisplayName)).Select(CompactRecords.SignIns()).ToList();
        var senders = new HashSet<string>(register.SelectMany(i => i.ApprovedSenders), StringComparer.OrdinalIgnoreCase);
        var messages = fixture.Activity.Messages.Where(m => m.ReceivedDateTime >= windowStart && m.ReceivedDateTime < asOf && senders.Contains(m.SenderAddress))
            .Select(m => new MessageTraceRecord(m.Id, m.ReceivedDateTime, m.SenderAddress, m.RecipientAddress, m.Status, m.Subject, m.Size)).Select(CompactRecords.Trace()).ToList();
        var audit = fixture.Activity.MailboxAudit.Where(r => r.CreatedDateTime >= windowStart && r.CreatedDateTime < asOf)
            .Select(r => new MailboxAuditRecord(r.Id, r.CreatedDateTime, r.Operation, r.MailboxAddress, r.AppId, r.MailboxAddress)).ToList();
        SourceResult Source(string name, long records) =>
            ActivityWindow.WithCoverage(new(name, SourceState.Collected, null, records, 0, 0), window, asOf, signInsFromLogAnalytics: true);
        SourceResult[] sources =
        [
            Source(EvidenceSources.Applications, applications.Count), Source(EvidenceSources.ServicePrincipals, principals.Count),
            Source(EvidenceSources.AppRoleGrants, grants.Count), Source(EvidenceSources.AccessPolicies, policies.Count),
            Source(EvidenceSources.DelegatedGrants, delegated.Count), Source(EvidenceSources.ExchangeRbac, rbac.Count),
            Source(EvidenceSources.Mailboxes, mailboxes.Count), Source(EvidenceSources.Groups, groups.Count),
            Source(EvidenceSources.AdministrativeUnits, units.Count), Source(EvidenceSources.OrganizationConfig, 1),
            Source(EvidenceSources.SignIns, signIns.Count), Source(EvidenceSources.MessageTrace, messages.Count),
            Source(EvidenceSources.MailboxAudit, audit.Count), Source(EvidenceSources.Register, register.Count),
            Source(EvidenceSources.Attestations, 0),
        ];
        return new EvidenceSnapshot(tenant, asOf, sources, applications, principals, grants, policies, register)
        {
            DelegatedGrants = delegated, ExchangeRoleAssignments = rbac, ManagementScopes = scopes, Mailboxes = mailboxes, Groups = groups,
            AdministrativeUnits = units, OrganizationConfig = new OrganizationAuditConfig(d.AuditDisabled), SignIns = signIns, MessageTrace = messages,
            MailboxAudit = audit, WindowStart = windowStart, PeriodStart = periodStart,
        };
    }

    /// <summary>Produced findings against expected-findings.json, keyed by ruleId, resourceId, qualifier, severity.</summary>
    public static (int Expected, int Matched, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra) Compare(string expectedJson, IEnumerable<Finding> produced)
    {
        using var json = JsonDocument.Parse(expectedJson);
        static string? Text(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        var expected = json.RootElement.EnumerateArray()
            .Select(e => Key(Text(e, "ruleId")!, Text(e, "resourceId") ?? Text(e, "appId") ?? "", Text(e, "qualifier"), Text(e, "severity")!)).ToList();
        var actual = produced.Select(f => Key(f.RuleId, f.ResourceId, f.Qualifier, f.Severity.ToString())).ToList();
        var missing = Except(expected, actual);
        var extra = Except(actual, expected);
        return (expected.Count, expected.Count - missing.Count, missing, extra);
    }

    private static string Key(string rule, string resource, string? qualifier, string severity) =>
        $"{rule}|{resource.ToLowerInvariant()}|{qualifier?.ToLowerInvariant()}|{severity.ToLowerInvariant()}";

    /// <summary>Multiset difference: every occurrence in <paramref name="a"/> not matched by one in <paramref name="b"/>.</summary>
    private static List<string> Except(List<string> a, List<string> b)
    {
        var counts = b.GroupBy(x => x, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var x in a)
        {
            if (counts.TryGetValue(x, out var n) && n > 0)
            {
                counts[x] = n - 1;
            }
            else
            {
                result.Add(x);
            }
        }

        return result;
    }

    private static List<Credential> Credentials(IReadOnlyList<SimCredential> credentials, CredentialHolder holder) =>
        credentials.Select(c => new Credential(c.KeyId, c.IsCertificate ? CredentialType.Certificate : CredentialType.Secret, holder, c.DisplayName, c.StartDateTime, c.EndDateTime)).ToList();

    private static string? FailureReason(int errorCode) => errorCode switch
    {
        0 => null,
        7000215 => "Invalid client secret is provided.",
        7000222 => "The provided client secret keys are expired.",
        _ => "Other.",
    };
}
