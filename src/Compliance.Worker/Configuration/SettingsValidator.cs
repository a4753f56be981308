using System.Net;
using System.Net.Mail;

namespace Compliance.Worker.Configuration;

/// <summary>Every problem in the settings as (key, problem); an empty result means the settings are usable.</summary>
public static class SettingsValidator
{
    public static IEnumerable<(string Key, string Problem)> Validate(ComplianceSettings settings)
    {
        foreach (var problem in settings.Policy.Validate())
        {
            yield return problem;
        }

        foreach (var (name, tenant) in settings.Tenants)
        {
            foreach (var problem in ValidateTenant($"Tenants:{name}", tenant))
            {
                yield return problem;
            }
        }

        foreach (var (tenant, entries) in settings.Integrations)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                foreach (var problem in ValidateIntegration($"Integrations:{tenant}:{i}", entries[i]))
                {
                    yield return problem;
                }
            }
        }

        if (string.IsNullOrWhiteSpace(settings.Storage.DatabasePath))
        {
            yield return ("Storage:DatabasePath", "must not be empty");
        }

        if (settings.Storage.RetentionMonths is < 1 or > 120)
        {
            yield return ("Storage:RetentionMonths", $"must be between 1 and 120 (was {settings.Storage.RetentionMonths})");
        }

        if (string.IsNullOrWhiteSpace(settings.Reports.OutputRoot))
        {
            yield return ("Reports:OutputRoot", "must not be empty");
        }

        if (settings.Alerts.SenderMailbox is { } sender && !IsMailAddress(sender))
        {
            yield return ("Alerts:SenderMailbox", $"'{sender}' is not a mail address");
        }

        for (var i = 0; i < settings.Alerts.Recipients.Count; i++)
        {
            if (!IsMailAddress(settings.Alerts.Recipients[i]))
            {
                yield return ($"Alerts:Recipients:{i}", $"'{settings.Alerts.Recipients[i]}' is not a mail address");
            }
        }

        if (settings.Alerts.MinimumSeverity is not ("low" or "medium" or "high" or "critical"))
        {
            yield return ("Alerts:MinimumSeverity", $"must be low, medium, high or critical (was '{settings.Alerts.MinimumSeverity}')");
        }
    }

    private static IEnumerable<(string Key, string Problem)> ValidateTenant(string key, TenantSettings tenant)
    {
        if (!Guid.TryParse(tenant.TenantId, out _))
        {
            yield return ($"{key}:TenantId", $"must be the tenant's GUID (was '{tenant.TenantId}')");
        }

        foreach (var problem in AuthSettingsValidator.Validate($"{key}:Auth", tenant.Auth))
        {
            yield return problem;
        }

        if (tenant.Cloud == CloudKind.Custom)
        {
            var endpoints = tenant.Endpoints;
            if (endpoints?.AuthorityHost is null || endpoints.Graph is null || endpoints.ExchangeAdmin is null)
            {
                yield return ($"{key}:Endpoints", "Cloud=Custom needs AuthorityHost, Graph and ExchangeAdmin");
            }
        }

        if (tenant.SignInWorkspaceId is { } workspace && !Guid.TryParse(workspace, out _))
        {
            yield return ($"{key}:SignInWorkspaceId", $"must be the Log Analytics workspace id GUID (was '{workspace}')");
        }

        if (!TimeZoneInfo.TryFindSystemTimeZoneById(tenant.TimeZone, out _))
        {
            yield return ($"{key}:TimeZone", $"'{tenant.TimeZone}' is not a known IANA time zone");
        }
    }

    private static IEnumerable<(string Key, string Problem)> ValidateIntegration(string key, IntegrationSettings entry)
    {
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            yield return ($"{key}:Name", "is required");
        }

        var label = entry.Name is { Length: > 0 } n ? $" (integration '{n}')" : string.Empty;
        if (!Guid.TryParse(entry.AppId, out _))
        {
            yield return ($"{key}:AppId", $"must be the application (client) id GUID (was '{entry.AppId}'){label}");
        }

        for (var i = 0; i < entry.ApprovedSenders.Count; i++)
        {
            if (!IsMailAddress(entry.ApprovedSenders[i]))
            {
                yield return ($"{key}:ApprovedSenders:{i}", $"'{entry.ApprovedSenders[i]}' is not a mail address{label}");
            }
        }

        for (var i = 0; i < entry.AllowedIpRanges.Count; i++)
        {
            if (!IPNetwork.TryParse(entry.AllowedIpRanges[i], out _))
            {
                yield return ($"{key}:AllowedIpRanges:{i}", $"'{entry.AllowedIpRanges[i]}' is not a CIDR range such as 203.0.113.0/24{label}");
            }
        }
    }

    private static bool IsMailAddress(string value) =>
        MailAddress.TryCreate(value, out var address) && address.Address == value && value.Contains('.', StringComparison.Ordinal);
}
