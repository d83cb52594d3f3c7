namespace NhiPlatform.TokenService.Domain;

/// <summary>A message committed with a change and delivered to Redis afterwards (kinds in <see cref="OutboxKinds"/>).</summary>
internal sealed record OutboxMessage(long Id, string Kind, string Payload);
