namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// What a resource requires of a token: every scope of <see cref="AllOf"/>, at least one of <see cref="AnyOf"/>
/// (when not empty) and, when set, <see cref="Audience"/> among its <c>aud</c> values.
/// </summary>
public sealed record ScopePolicy
{
    public IReadOnlyList<string> AllOf { get; init; } = [];
    public IReadOnlyList<string> AnyOf { get; init; } = [];
    public string? Audience { get; init; }
}
