using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts.Events;

namespace NhiPlatform.TokenValidation.DPoP;

/// <summary>
/// The JwtBearer side of RFC 9449 §7: reads a token sent as <c>Authorization: DPoP</c>, and after the token validated
/// holds it to its scheme. A bound token (<c>cnf.jkt</c>) needs the DPoP scheme and a valid proof for this request; as a
/// bearer token it is refused (§7.2), and so is an unbound token under the DPoP scheme.
/// </summary>
internal static class DPoPTokenBinding
{
    public const string SchemePrefix = DPoPConstants.Scheme + " ";

    /// <summary>JwtBearer reads only <c>Bearer</c>; the token of a <c>DPoP</c> authorization, or null.</summary>
    public static string? TokenOf(HttpRequest request)
    {
        var authorization = request.Headers.Authorization;
        return authorization.Count == 1 && authorization[0] is { } value && value.StartsWith(SchemePrefix, StringComparison.OrdinalIgnoreCase)
            ? value[SchemePrefix.Length..].Trim()
            : null;
    }

    /// <summary>Fails <paramref name="context"/> when the token and its scheme or proof disagree; leaves it alone otherwise.</summary>
    public static async Task CheckAsync(TokenValidatedContext context, JsonWebToken token)
    {
        var thumbprint = DPoPResourceCheck.BoundThumbprint(token);
        var asDPoP = TokenOf(context.Request) is not null;
        if (thumbprint is null && !asDPoP)
        {
            return;
        }

        var check = context.HttpContext.RequestServices.GetService<DPoPResourceCheck>();
        DPoPProofResult result;
        if (thumbprint is null || !asDPoP || check is null)
        {
            result = new DPoPProofResult
            {
                Error = BearerErrorWriter.InvalidToken,
                Description = thumbprint is null ? "The DPoP scheme needs a DPoP-bound access token."
                    : asDPoP ? "DPoP-bound access tokens are not accepted by this resource."
                    : "A DPoP-bound access token must be sent with the DPoP scheme and a proof.",
            };
        }
        else
        {
            result = await check.CheckAsync(context.HttpContext, token, thumbprint);
            if (result.IsValid)
            {
                return;
            }
        }

        var reason = result.Unavailable ? UsageReasons.DPoPUnavailable
            : result.Error == BearerErrorWriter.InvalidToken ? UsageReasons.DPoPSchemeMismatch
            : result.Error!;
        context.HttpContext.Features.Set(new AccessTokenFailureFeature
        {
            Reason = reason,
            UnverifiedIssuer = token.Issuer,
            UnverifiedSubject = token.Subject,
            DPoP = result,
        });
        var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DPoPTokenBinding));
        TokenValidationLog.TokenRejected(logger, reason, token.Id);
        context.Fail(reason);
    }
}
