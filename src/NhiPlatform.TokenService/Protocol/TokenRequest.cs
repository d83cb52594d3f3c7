namespace NhiPlatform.TokenService.Protocol;

/// <summary>A request to a <c>/connect</c> endpoint as extracted from the wire, before any check.</summary>
internal sealed record TokenRequest
{
    public string? GrantType { get; init; }
    public string? Scope { get; init; }
    public string? ClientId { get; init; }

    /// <summary>The presented client secret. Never logged, never stored.</summary>
    public string? ClientSecret { get; init; }

    /// <summary>The client's signed assertion (RFC 7523 §2.2). Never logged.</summary>
    public string? ClientAssertion { get; init; }

    public required ClientAuthenticationMethod AuthenticationMethod { get; init; }

    /// <summary>RFC 8707 <c>resource</c>: the audience asked for.</summary>
    public string? Resource { get; init; }

    /// <summary>RFC 8693 <c>audience</c>, treated like <see cref="Resource"/>.</summary>
    public string? Audience { get; init; }

    /// <summary>RFC 8693 subject token / RFC 7662 and 7009 <c>token</c>. Never logged.</summary>
    public string? SubjectToken { get; init; }
    public string? SubjectTokenType { get; init; }
    public string? ActorToken { get; init; }
    public string? ActorTokenType { get; init; }
    public string? RequestedTokenType { get; init; }

    /// <summary>The <c>token</c> of introspection and revocation. Never logged.</summary>
    public string? Token { get; init; }

    /// <summary>RFC 7009 §2.1 / RFC 7662 §2.1 <c>token_type_hint</c>.</summary>
    public string? TokenTypeHint { get; init; }
}
