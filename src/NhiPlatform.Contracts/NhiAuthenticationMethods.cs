namespace NhiPlatform.Contracts;

/// <summary>Values of <see cref="NhiClaims.AuthenticationMethod"/> (RFC 8414 method names, plus <c>federated</c>).</summary>
public static class NhiAuthenticationMethods
{
    public const string ClientSecretBasic = "client_secret_basic";
    public const string ClientSecretPost = "client_secret_post";
    public const string PrivateKeyJwt = "private_key_jwt";

    /// <summary>A token of an external issuer matched one of the identity's federated credentials.</summary>
    public const string Federated = "federated";
}
