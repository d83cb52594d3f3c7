namespace NhiPlatform.Contracts;

/// <summary>
/// Headers the gateway sets on forwarded requests after verifying the caller. Any incoming header starting with
/// <see cref="Prefix"/> is stripped first, so a downstream service can trust them.
/// </summary>
public static class NhiHeaders
{
    public const string Prefix = "X-Nhi-";
    public const string ClientId = "X-Nhi-Client-Id";
    public const string Scopes = "X-Nhi-Scopes";
    public const string TokenId = "X-Nhi-Token-Id";
}
