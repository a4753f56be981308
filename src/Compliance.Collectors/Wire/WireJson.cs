using System.Text.Json.Serialization;

namespace Compliance.Collectors.Wire;

/// <summary>
/// Source-generated, reflection-free deserialisers for the high-volume feeds read without the SDK (beta sign-ins and sign-in activity,
/// Log Analytics, message trace, audit records); each page is deserialised straight from the response stream.
/// </summary>
[JsonSourceGenerationOptions(PropertyNameCaseInsensitive = true)]
[JsonSerializable(typeof(ODataPage<BetaSignIn>))]
[JsonSerializable(typeof(ODataPage<SignInActivityWire>))]
[JsonSerializable(typeof(ODataPage<System.Text.Json.JsonElement>))]
[JsonSerializable(typeof(System.Text.Json.JsonElement))]
[JsonSerializable(typeof(ODataPage<MessageTraceWire>))]
[JsonSerializable(typeof(AuditQueryWire))]
[JsonSerializable(typeof(GraphErrorBody))]
[JsonSerializable(typeof(LogAnalyticsResponse))]
internal sealed partial class WireJson : JsonSerializerContext
{
}
