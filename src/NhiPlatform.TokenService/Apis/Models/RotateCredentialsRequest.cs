namespace NhiPlatform.TokenService.Apis.Models;

/// <summary>Optional body of <c>.../credentials/rotate</c>: how long the previous secrets keep working (default 24 h).</summary>
public sealed record RotateCredentialsRequest
{
    public int? GraceSeconds { get; init; }
}
