using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.TokenService.Protocol;

/// <summary>Token service settings (section <c>Nhi:Tokens</c>; issuer and audience from <c>Nhi:Issuer</c>, <c>Nhi:Audience</c>).</summary>
internal sealed class TokenServiceOptions
{
    /// <summary>The gateway's public base URL, the <c>iss</c> of every token.</summary>
    [Required, Url]
    public string Issuer { get; set; } = string.Empty;

    [Required]
    public string Audience { get; set; } = string.Empty;

    // Token lifetime and credential maximum age are per identity now (Domain/IdentityLimits: defaults 5 min and 90 d).

    /// <summary>How long the previous secrets keep working after a rotation (the overlap).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00")]
    public TimeSpan SecretRotationGrace { get; set; } = TimeSpan.FromHours(24);

    public Uri TokenEndpoint => new($"{Issuer.TrimEnd('/')}/connect/token");
}
