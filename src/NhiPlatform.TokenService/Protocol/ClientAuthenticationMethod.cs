namespace NhiPlatform.TokenService.Protocol;

/// <summary>How the client presented its credentials (RFC 6749 §2.3.1, RFC 7523 §2.2; RFC 8414 method names).</summary>
internal enum ClientAuthenticationMethod
{
    None,
    ClientSecretBasic,
    ClientSecretPost,
    PrivateKeyJwt,

    /// <summary>A jwt-bearer assertion minted by an external issuer for a federated credential (decided when authenticating).</summary>
    Federated,
}
