namespace NhiPlatform.TokenService.Protocol;

/// <summary>A protocol rejection: an RFC code and a generic description safe to show any caller.</summary>
internal sealed record OAuthError(string Error, string Description)
{
    /// <summary>A fresh server nonce for the <c>DPoP-Nonce</c> header (RFC 9449 §8), with <see cref="OAuthErrors.UseDPoPNonce"/>.</summary>
    public string? DPoPNonce { get; init; }

    public static OAuthError InvalidRequest(string description) => new(OAuthErrors.InvalidRequest, description);

    /// <summary>One description for every client-authentication failure, so callers cannot probe which part failed.</summary>
    public static OAuthError InvalidClient() => new(OAuthErrors.InvalidClient, "Client authentication failed.");

    /// <summary>
    /// Federated assertions say what failed (<see cref="Federation.FederatedAssertionFailures"/>): the operator fixing a
    /// workload's credential needs it, and the text never contains the assertion or its values.
    /// </summary>
    public static OAuthError InvalidClient(string description) => new(OAuthErrors.InvalidClient, description);
}
