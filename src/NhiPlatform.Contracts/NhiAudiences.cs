namespace NhiPlatform.Contracts;

/// <summary>Audiences (<c>aud</c>) of the platform's own resource servers.</summary>
public static class NhiAudiences
{
    /// <summary>The gateway and the APIs behind it: the default audience of every token.</summary>
    public const string Gateway = "nhi-gateway";
}
