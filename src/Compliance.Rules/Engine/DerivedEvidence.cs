using Compliance.Rules.Evidence;
using Compliance.Rules.Scope;

namespace Compliance.Rules.Engine;

/// <summary>
/// Facts computed from the snapshot that several rules share, computed once per evaluation on first use:
/// the effective send-as scope of every mail-capable app.
/// </summary>
public sealed class DerivedEvidence(EvidenceSnapshot evidence)
{
    private IReadOnlyList<EffectiveSendAsScope>? scopes;

    public IReadOnlyList<EffectiveSendAsScope> Scopes => scopes ??= new SendAsScopeEngine(evidence).ComputeAll();

    public EffectiveSendAsScope? ScopeOf(string appId) =>
        Scopes.FirstOrDefault(s => string.Equals(s.AppId, appId, StringComparison.OrdinalIgnoreCase));
}
