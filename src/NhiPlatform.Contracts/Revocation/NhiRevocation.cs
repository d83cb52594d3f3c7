namespace NhiPlatform.Contracts.Revocation;

/// <summary>
/// How the token service tells every gateway replica what no longer holds. State lives in Redis (so a replica that
/// starts or reconnects loads it) and each change is also published (so running replicas apply it within a second).
/// </summary>
public static class NhiRevocation
{
    /// <summary>Sorted set: member = revoked token's <c>jti</c>, score = its <c>exp</c> (Unix seconds); expired members are trimmed.</summary>
    public const string RevokedTokensKey = "nhi:revoked:tokens";

    /// <summary>Hash: field = client id, value = cut-off (Unix seconds): tokens of that client issued before it are invalid.</summary>
    public const string IdentityCutoffsKey = "nhi:revoked:identities";

    /// <summary>Pub/sub channel carrying <see cref="RevocationMessage"/> JSON.</summary>
    public const string Channel = "nhi:revocations";
}
