namespace NhiPlatform.Contracts.Events;

/// <summary>
/// A change to an identity or one of its credentials, written by the token service after the change commits
/// (schema v1, stream <see cref="NhiStreams.Identities"/>). Carries the identity's full state after the change, so a
/// consumer can rebuild its catalogue from the stream alone. Never carries a secret.
/// </summary>
public sealed record IdentityChangedEvent
{
    public const string TypeName = "identity.changed";
    public const int CurrentSchemaVersion = 1;

    public required Guid EventId { get; init; }

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>What happened: one of <see cref="IdentityChangeKinds"/>.</summary>
    public required string Change { get; init; }

    public required string ClientId { get; init; }

    /// <summary>Who made the change: the admin's client id, or <c>system</c> for scheduled actions.</summary>
    public required string Actor { get; init; }

    /// <summary>The identity after the change.</summary>
    public required IdentitySnapshot Identity { get; init; }

    /// <summary>The credential the change concerns, for credential changes.</summary>
    public CredentialSnapshot? Credential { get; init; }
}
