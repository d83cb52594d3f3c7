namespace NhiPlatform.Samples.Echo.Apis;

/// <summary>The identity the gateway verified and forwarded (<c>X-Nhi-*</c> headers).</summary>
internal sealed record EchoIdentity
{
    public string? ClientId { get; init; }
    public string? Scopes { get; init; }
    public string? TokenId { get; init; }
}
