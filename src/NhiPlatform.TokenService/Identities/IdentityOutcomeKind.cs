namespace NhiPlatform.TokenService.Identities;

internal enum IdentityOutcomeKind
{
    Ok,
    NotFound,
    Conflict,
    Invalid,
}
