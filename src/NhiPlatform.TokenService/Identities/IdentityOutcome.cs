using NhiPlatform.TokenService.Domain;

namespace NhiPlatform.TokenService.Identities;

/// <summary>The result of an admin action on an identity: a value, never an exception, for expected failures.</summary>
internal sealed record IdentityOutcome(IdentityOutcomeKind Kind, IdentityRecord? Record = null, string? Detail = null)
{
    /// <summary>A secret created by the action, shown once.</summary>
    public string? NewSecret { get; init; }

    /// <summary>The credential the action created or changed.</summary>
    public Guid? CredentialId { get; init; }

    public DateTimeOffset? CredentialExpiresAt { get; init; }

    public Dictionary<string, string[]>? Errors { get; init; }

    public static IdentityOutcome NotFound { get; } = new(IdentityOutcomeKind.NotFound);

    public static IdentityOutcome Conflict(string detail) => new(IdentityOutcomeKind.Conflict, Detail: detail);

    public static IdentityOutcome Invalid(Dictionary<string, string[]> errors) => new(IdentityOutcomeKind.Invalid) { Errors = errors };
}
