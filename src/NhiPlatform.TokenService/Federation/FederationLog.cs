namespace NhiPlatform.TokenService.Federation;

/// <summary>Log messages of federated client authentication (2200-2219). Issuers, subjects and client ids only, never the assertion.</summary>
internal static partial class FederationLog
{
    [LoggerMessage(EventId = 2200, EventName = "IssuerKeysFetched", Level = LogLevel.Information,
        Message = "Fetched the signing keys of issuer {Issuer}: {KeyCount} keys ({Outcome})")]
    public static partial void IssuerKeysFetched(ILogger logger, string issuer, int keyCount, string outcome);

    [LoggerMessage(EventId = 2201, EventName = "FederatedAuthenticationFailed", Level = LogLevel.Warning,
        Message = "Federated client authentication failed for {ClientId} (issuer {Issuer}, subject {Subject}): {Reason}")]
    public static partial void AuthenticationFailed(ILogger logger, string? clientId, string? issuer, string? subject, string reason);

    [LoggerMessage(EventId = 2202, EventName = "FederatedAuthenticationSucceeded", Level = LogLevel.Information,
        Message = "{ClientId} authenticated with federated credential {CredentialName} (issuer {Issuer}, subject {Subject})")]
    public static partial void Authenticated(ILogger logger, string clientId, string credentialName, string issuer, string subject);
}
