namespace NhiPlatform.TokenService.Bootstrap;

/// <summary>Where the first admin identity's credentials go (<c>Nhi:Bootstrap</c>).</summary>
internal sealed class BootstrapOptions
{
    public const string AdminClientId = "nhi-admin";

    /// <summary>File written once, mode 600, when the admin identity is created; unset means no bootstrap admin.</summary>
    public string? CredentialsFile { get; set; }
}
