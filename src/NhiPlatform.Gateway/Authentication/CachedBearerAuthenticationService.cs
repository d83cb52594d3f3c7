using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.Gateway.Authentication;

/// <summary>
/// ASP.NET Core's authentication service with a direct answer for a bearer token that <see cref="ValidatedTokenCache"/>
/// holds for the current signing keys and that JwtBearer's <c>TokenValidated</c> event (revocation) still accepts:
/// the caller is authenticated with the cached identity without creating a JwtBearer handler, copying its validation
/// parameters and running the token handler, which on the gateway's hot path was about 7 % of its CPU per request.
/// Every other case (another scheme, no token, a token not cached, changed by one character, cached under older keys,
/// refused by the event) and every challenge or forbid goes to the inner service and JwtBearer unchanged, so refusals,
/// their RFC 6750 bodies and their usage reasons do not depend on this path.
/// </summary>
internal sealed class CachedBearerAuthenticationService(
    IAuthenticationService inner, IAuthenticationSchemeProvider schemes, ValidatedTokenCache cache,
    IOptionsMonitor<JwtBearerOptions> bearerOptions, IClaimsTransformation transformation) : IAuthenticationService
{
    private const string BearerPrefix = "Bearer ";
    private const string DPoPPrefix = "DPoP ";

    public async Task<AuthenticateResult> AuthenticateAsync(HttpContext context, string? scheme)
    {
        if (scheme != JwtBearerDefaults.AuthenticationScheme)
        {
            return await inner.AuthenticateAsync(context, scheme);
        }

        // Asked again in the same request (a policy naming the scheme re-authenticates): the same answer, as JwtBearer's
        // handler, which lives for one request, gives its first one again.
        if (context.Features.Get<CachedAnswer>() is { } earlier)
        {
            return earlier.Result;
        }

        if (await CachedPrincipalAsync(context, scheme) is { } principal)
        {
            // What the inner service returns after a successful handler: the principal, transformed.
            var result = AuthenticateResult.Success(new AuthenticationTicket(await transformation.TransformAsync(principal), scheme));
            context.Features.Set(new CachedAnswer(result));
            return result;
        }

        return await inner.AuthenticateAsync(context, scheme);
    }

    private async Task<ClaimsPrincipal?> CachedPrincipalAsync(HttpContext context, string scheme)
    {
        // JwtBearer's own reading of the header, so both paths agree on what the token is.
        // (and the DPoP scheme's, RFC 9449 §7.1: the proof is checked by the TokenValidated event, on this path too).
        var authorization = context.Request.Headers.Authorization.ToString();
        var prefix = authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? BearerPrefix
            : authorization.StartsWith(DPoPPrefix, StringComparison.OrdinalIgnoreCase) ? DPoPPrefix
            : null;
        if (prefix is null)
        {
            return null;
        }

        var token = authorization[prefix.Length..].Trim();
        var options = bearerOptions.Get(scheme);
        var keys = token.Length == 0 ? null
            : await SigningKeySet.CurrentAsync(options.ConfigurationManager as BaseConfigurationManager, options.TokenValidationParameters);
        if (keys is null || !cache.TryGet(token, keys, out var validated, out var identity)
            || await schemes.GetSchemeAsync(scheme) is not { } authenticationScheme)
        {
            return null;
        }

        var validatedContext = new TokenValidatedContext(context, authenticationScheme, options)
        {
            Principal = new ClaimsPrincipal(identity),
            SecurityToken = validated,
        };
        await options.Events.TokenValidated(validatedContext);
        return validatedContext.Result switch
        {
            null => validatedContext.Principal,
            { Succeeded: true } result => result.Principal,
            // Refused (revoked) or undecided: JwtBearer's full path decides, logs and answers.
            _ => null,
        };
    }

    public Task ChallengeAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ChallengeAsync(context, scheme, properties);

    public Task ForbidAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.ForbidAsync(context, scheme, properties);

    public Task SignInAsync(HttpContext context, string? scheme, ClaimsPrincipal principal, AuthenticationProperties? properties) =>
        inner.SignInAsync(context, scheme, principal, properties);

    public Task SignOutAsync(HttpContext context, string? scheme, AuthenticationProperties? properties) =>
        inner.SignOutAsync(context, scheme, properties);

    /// <summary>This request's answer from the cache, kept for the rest of the request.</summary>
    private sealed record CachedAnswer(AuthenticateResult Result);
}
