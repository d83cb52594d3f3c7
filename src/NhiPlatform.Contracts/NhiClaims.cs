namespace NhiPlatform.Contracts;

/// <summary>Claim names of our access tokens (RFC 9068 §2.2).</summary>
public static class NhiClaims
{
    public const string Issuer = "iss";
    public const string Subject = "sub";
    public const string Audience = "aud";
    public const string ClientId = "client_id";
    public const string Scope = "scope";
    public const string TokenId = "jti";
    public const string IssuedAt = "iat";
    public const string NotBefore = "nbf";
    public const string Expires = "exp";

    /// <summary>
    /// On a token obtained by token exchange (RFC 8693): the <c>jti</c> of every token it was exchanged from, nearest
    /// first. Revoking any of them ends this token too, at the gateway and in introspection.
    /// </summary>
    public const string ExchangedFrom = "nhi_from";

    /// <summary>How many exchanges deep a chain is followed; a longer chain is refused.</summary>
    public const int MaxExchangeDepth = 16;

    /// <summary>
    /// How the client authenticated when the token was issued: one of <see cref="NhiAuthenticationMethods"/>. The gateway
    /// copies it into usage events, so the inventory knows which credentials a workload really uses.
    /// </summary>
    public const string AuthenticationMethod = "nhi_auth";

    /// <summary>The id of the credential (secret, public key or federated credential) the client authenticated with.</summary>
    public const string CredentialId = "nhi_cred";

    /// <summary>The JOSE <c>typ</c> of an access token (RFC 9068 §2.1).</summary>
    public const string AccessTokenType = "at+jwt";
}
