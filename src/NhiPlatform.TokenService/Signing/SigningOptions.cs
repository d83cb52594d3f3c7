using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.TokenService.Signing;

/// <summary>Signing-key policy (section <c>Nhi:Tokens:Signing</c>).</summary>
internal sealed class SigningOptions
{
    public const string Section = "Nhi:Tokens:Signing";

    /// <summary><c>RS256</c> (default: the gateway verifies on every request, and RSA verification is cheap) or <c>ES256</c>.</summary>
    [Required, RegularExpression("^(RS256|ES256)$")]
    public string Algorithm { get; set; } = "RS256";

    /// <summary>Scheduled rotation: a new key once the newest is this old.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "365.00:00:00")]
    public TimeSpan RotationInterval { get; set; } = TimeSpan.FromDays(30);

    /// <summary>How long a new key is published in JWKS before it signs, so every validator has fetched it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PublishLeadTime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a retired key stays published: at least the longest token lifetime (60 min) plus clock skew.</summary>
    [Range(typeof(TimeSpan), "01:05:00", "30.00:00:00")]
    public TimeSpan RetiredKeyRetention { get; set; } = TimeSpan.FromMinutes(70);

    /// <summary>How often each replica reloads the shared key set (besides reloading on a published change).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ReloadInterval { get; set; } = TimeSpan.FromSeconds(30);
}
