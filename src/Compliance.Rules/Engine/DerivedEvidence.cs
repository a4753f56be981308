using Compliance.Rules.Evidence;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Engine;

/// <summary>
/// Facts computed from the snapshot that several rules share, computed once per evaluation on first use:
/// the effective send-as scope of every mail-capable app, and what each management scope's filter matches.
/// </summary>
public sealed class DerivedEvidence(EvidenceSnapshot evidence)
{
    private SendAsScopeEngine? engine;
    private IReadOnlyList<EffectiveSendAsScope>? scopes;
    private Dictionary<string, EffectiveSendAsScope>? scopesByAppId;

    public IReadOnlyList<EffectiveSendAsScope> Scopes => scopes ??= Engine.ComputeAll();

    public EffectiveSendAsScope? ScopeOf(string appId) =>
        (scopesByAppId ??= Scopes.DistinctBy(s => s.AppId, StringComparer.OrdinalIgnoreCase).ToDictionary(s => s.AppId, StringComparer.OrdinalIgnoreCase))
        .GetValueOrDefault(appId);

    internal ResolvedManagementScope Resolve(ManagementScope managementScope) => Engine.Resolve(managementScope);

    private SendAsScopeEngine Engine => engine ??= new SendAsScopeEngine(evidence);
}
