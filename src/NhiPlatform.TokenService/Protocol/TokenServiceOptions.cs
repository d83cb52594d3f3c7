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

    /// <summary>Lifetime of an access token: minutes, not hours.</summary>
    [Range(typeof(TimeSpan), "00:00:30", "01:00:00")]
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Maximum age of a client secret.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan ClientSecretMaxAge { get; set; } = TimeSpan.FromDays(90);

    public Uri TokenEndpoint => new($"{Issuer.TrimEnd('/')}/connect/token");
}
