namespace NhiPlatform.TokenService.Federation;

/// <summary>
/// The <c>error_description</c> of each refused federated assertion (with <c>invalid_client</c>): specific enough for the
/// workload's operator to fix the credential or the token, and never quoting the assertion or any of its values.
/// </summary>
internal static class FederatedAssertionFailures
{
    public const string Malformed = "The client assertion is not a well-formed signed JWT.";
    public const string Unsigned = "The client assertion is not signed with an accepted algorithm.";
    public const string MissingIssuerOrSubject = "The client assertion has no iss or no sub.";
    public const string NoIdentity = "No identity has a federated credential for this issuer and subject.";
    public const string AmbiguousIdentity = "Several identities trust this issuer and subject: send client_id.";
    public const string ClientCannotAuthenticate = "The client is unknown, disabled or expired.";
    public const string UntrustedIssuer = "The client has no federated credential for the assertion's issuer.";
    public const string SubjectMismatch = "The assertion's subject matches no federated credential of the client for this issuer.";
    public const string InsecureIssuer = "The assertion's issuer is not an https URL.";
    public const string KeysUnavailable = "The issuer's signing keys could not be obtained.";
    public const string BadSignature = "The assertion's signature does not verify with the issuer's keys.";
    public const string NoExpiry = "The assertion has no exp.";
    public const string Expired = "The assertion has expired.";
    public const string NotYetValid = "The assertion is not valid yet (nbf or iat in the future).";
    public const string TooOld = "The assertion was issued too long ago.";
    public const string LifetimeTooLong = "The assertion's lifetime (exp - iat) is longer than accepted.";
    public const string AudienceMismatch = "The assertion's audience is not one the federated credential accepts.";
    public const string ClaimsMismatch = "The assertion's claims do not match those the federated credential requires.";
}
