using NhiPlatform.Inventory.Findings.Rules;

namespace NhiPlatform.Inventory.Findings;

/// <summary>Every rule the engine runs.</summary>
internal static class FindingRules
{
    public static readonly Type[] All =
    [
        typeof(DormantIdentityRule), typeof(UnusedCredentialRule), typeof(UnusedScopesRule), typeof(CredentialExpiringRule),
        typeof(CredentialExpiredRule), typeof(RotationOverdueRule), typeof(OwnerlessRule), typeof(MissingPurposeOrTagsRule),
        typeof(InactiveIdentityCallingRule), typeof(UnknownCallerRule), typeof(NewSourceAddressRule), typeof(NewRouteRule),
        typeof(CallSpikeRule), typeof(FederatedSecretUnneededRule), typeof(FederatedCredentialUnusedRule), typeof(FederatedSubjectTooBroadRule),
    ];
}
