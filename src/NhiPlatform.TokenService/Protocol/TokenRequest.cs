namespace NhiPlatform.TokenService.Protocol;

/// <summary>A token request as extracted from the wire, before any check.</summary>
internal sealed record TokenRequest
{
    public string? GrantType { get; init; }
    public string? Scope { get; init; }
    public string? ClientId { get; init; }

    /// <summary>The presented client secret. Never logged, never stored.</summary>
    public string? ClientSecret { get; init; }

    public required ClientAuthenticationMethod AuthenticationMethod { get; init; }
}
