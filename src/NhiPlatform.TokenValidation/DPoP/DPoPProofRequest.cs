namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>What a proof must match: the request's method and URL (one of <see cref="Urls"/>), and for a resource the token it accompanies.</summary>
public sealed record DPoPProofRequest(string Method, IReadOnlyList<string> Urls)
{
    /// <summary>The access token presented with the proof (§4.3 item 11, <c>ath</c>); null at the token endpoint.</summary>
    public string? AccessToken { get; init; }

    /// <summary>The bound token's <c>cnf.jkt</c> (§4.3 item 12); null at the token endpoint.</summary>
    public string? Thumbprint { get; init; }
}
