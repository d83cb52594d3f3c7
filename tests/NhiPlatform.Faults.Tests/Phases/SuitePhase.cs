namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>A named phase of the suite: load runs throughout, the fault (if any) happens in the middle.</summary>
internal sealed record SuitePhase(string Name, Func<SuiteContext, Task>? Fault)
{
    /// <summary>The suite's phases, in order.</summary>
    public static IReadOnlyList<SuitePhase> All { get; } =
    [
        new("baseline", null),
        new("postgres-restart", RestartPhases.PostgresAsync),
        new("redis-restart", RestartPhases.RedisAsync),
        new("inventory-restart", RestartPhases.InventoryAsync),
        new("tokens-restart", RestartPhases.TokenServiceAsync),
        new("gateway-restart", RestartPhases.GatewayReplicaAsync),
        new("signing-key-rotation", CredentialPhases.SigningKeyAsync),
        new("credential-rotation", CredentialPhases.ClientCredentialAsync),
        new("token-revocation", RevocationPhases.RevokeTokenAsync),
        new("identity-disabling", RevocationPhases.DisableIdentityAsync),
    ];
}
