namespace NhiPlatform.Contracts;

/// <summary>Scopes the platform itself defines; routes declare their own beside these.</summary>
public static class NhiScopes
{
    /// <summary>Administers identities, credentials, keys (token service admin API) and inventory writes.</summary>
    public const string Admin = "nhi.admin";

    /// <summary>Reads the inventory (queries, findings, map).</summary>
    public const string Read = "nhi.read";

    /// <summary>Calls the echo sample service.</summary>
    public const string EchoRead = "echo.read";
}
