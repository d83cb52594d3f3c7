namespace NhiPlatform.TokenService.Protocol;

/// <summary>What an access token will say: subject, client, scopes, audience, lifetime and, for exchanged tokens, the actor chain.</summary>
internal sealed record AccessTokenSpec(string Subject, string ClientId, IReadOnlyList<string> Scopes, string Audience, TimeSpan Lifetime)
{
    /// <summary>RFC 8693 §4.1 <c>act</c>: the current actor, with the previous chain nested inside.</summary>
    public IReadOnlyDictionary<string, object>? Actor { get; init; }

    /// <summary>The tokens this one is exchanged from (<see cref="NhiPlatform.Contracts.NhiClaims.ExchangedFrom"/>), nearest first.</summary>
    public IReadOnlyList<string>? ExchangedFrom { get; init; }

    /// <summary>RFC 9449 §6.1: the thumbprint of the DPoP key the token is bound to (<c>cnf.jkt</c>); null for a bearer token.</summary>
    public string? Thumbprint { get; init; }

    /// <summary>How the client authenticated (<see cref="NhiPlatform.Contracts.NhiClaims.AuthenticationMethod"/>).</summary>
    public string? AuthenticatedWith { get; init; }

    /// <summary>The credential it authenticated with (<see cref="NhiPlatform.Contracts.NhiClaims.CredentialId"/>).</summary>
    public Guid? CredentialId { get; init; }
}
