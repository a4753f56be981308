using System.Text.Json.Serialization;
using Compliance.Rules.Evidence;

namespace Compliance.Collectors.Incremental;

/// <summary>Source-generated (reflection-free) JSON for the activity records kept in the incremental store.</summary>
[JsonSerializable(typeof(ServicePrincipalSignIn))]
[JsonSerializable(typeof(MessageTraceRecord))]
[JsonSerializable(typeof(MailboxAuditRecord))]
internal sealed partial class ActivityJson : JsonSerializerContext
{
}
