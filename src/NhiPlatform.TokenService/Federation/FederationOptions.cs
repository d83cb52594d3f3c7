using System.ComponentModel.DataAnnotations;
using NhiPlatform.Contracts;

namespace NhiPlatform.TokenService.Federation;

/// <summary>Client authentication with external issuers' tokens (section <c>Nhi:Tokens:Federation</c>).</summary>
internal sealed class FederationOptions
{
    public const string Section = NhiConfigurationKeys.FederationSection;

    /// <summary>
    /// Accept <c>http://</c> issuers on a loopback address (local runs and tests). Off by default: everywhere else an
    /// issuer, its discovery document and its JWKS must be https. The AppHost turns it on in run mode only.
    /// </summary>
    public bool AllowLoopbackHttpIssuers { get; set; }

    /// <summary>Longest <c>exp - iat</c> accepted: Kubernetes projected tokens live one hour by default, at most a day here.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan MaxAssertionLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Oldest <c>iat</c> accepted, whatever the token's <c>exp</c> says.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "2.00:00:00")]
    public TimeSpan MaxAssertionAge { get; set; } = TimeSpan.FromHours(24);

    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long an issuer's discovered keys are used before they are fetched again.</summary>
    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00")]
    public TimeSpan KeysCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>An unknown <c>kid</c> refreshes an issuer's keys at most this often, so forged kids cannot make us hammer it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan KeysRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:01", "00:01:00")]
    public TimeSpan MetadataTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
