using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Contracts.Events;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenValidation;

/// <summary>JwtBearer events: record why a token failed (for usage), log it, and answer per RFC 6750.</summary>
internal static class AccessTokenEvents
{
    public static JwtBearerEvents Create() => new()
    {
        OnMessageReceived = context =>
        {
            // RFC 9449 §7.1: a bound token arrives as "Authorization: DPoP <token>"; its proof is checked once the token is.
            context.Token ??= DPoPTokenBinding.TokenOf(context.Request);
            return Task.CompletedTask;
        },
        OnAuthenticationFailed = context =>
        {
            var token = ReadUnverified(context.Request.Headers.Authorization.ToString());
            context.HttpContext.Features.Set(new AccessTokenFailureFeature
            {
                Reason = BearerErrorWriter.InvalidToken,
                UnverifiedIssuer = token?.Issuer,
                UnverifiedSubject = token?.Subject,
            });
            var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessTokenEvents));
            // The exception names the rule the token broke (expired, bad signature, wrong audience); never the token.
            TokenValidationLog.TokenRejected(logger, context.Exception.GetType().Name, token?.Id);
            return Task.CompletedTask;
        },
        OnTokenValidated = async context =>
        {
            // Revocation (RFC 7009's effect at a resource server): a token the issuer withdrew is invalid_token.
            var revocation = context.HttpContext.RequestServices.GetService<IAccessTokenRevocationCheck>();
            if (revocation is not null && context.SecurityToken is JsonWebToken token && revocation.IsRevoked(token))
            {
                context.HttpContext.Features.Set(new AccessTokenFailureFeature
                {
                    Reason = UsageReasons.Revoked,
                    UnverifiedIssuer = token.Issuer,
                    UnverifiedSubject = token.Subject,
                });
                var logger = context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AccessTokenEvents));
                TokenValidationLog.TokenRejected(logger, UsageReasons.Revoked, token.Id);
                context.Fail(UsageReasons.Revoked);
                return;
            }

            if (context.SecurityToken is JsonWebToken validated)
            {
                await DPoPTokenBinding.CheckAsync(context, validated);
            }
        },
        OnChallenge = context =>
        {
            context.HandleResponse();
            if (context.Response.HasStarted)
            {
                return Task.CompletedTask;
            }

            var presented = context.AuthenticateFailure is not null;
            if (!presented)
            {
                context.HttpContext.Features.Set(new AccessTokenFailureFeature { Reason = "missing_token" });
            }

            if (context.HttpContext.Features.Get<AccessTokenFailureFeature>()?.DPoP is { } dpop)
            {
                return BearerErrorWriter.WriteDPoPErrorAsync(context.HttpContext, dpop);
            }

            // RFC 9449 §7.1: a token sent under the DPoP scheme is answered in that scheme, also when the token itself failed.
            if (presented && DPoPTokenBinding.TokenOf(context.Request) is not null)
            {
                return BearerErrorWriter.WriteDPoPErrorAsync(context.HttpContext, new DPoPProofResult
                {
                    Error = BearerErrorWriter.InvalidToken,
                    Description = "The access token is invalid, expired or revoked.",
                });
            }

            return BearerErrorWriter.WriteUnauthorizedAsync(context.HttpContext, presented);
        },
    };

    /// <summary>Reads a token's claims without trusting them, only to say who it claimed to be.</summary>
    private static JsonWebToken? ReadUnverified(string authorization)
    {
        var prefix = authorization.StartsWith(DPoPTokenBinding.SchemePrefix, StringComparison.OrdinalIgnoreCase) ? DPoPTokenBinding.SchemePrefix : "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || authorization.Length - prefix.Length > AccessTokenDefaults.MaximumTokenSizeInBytes)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(authorization[prefix.Length..].Trim());
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or System.Text.Json.JsonException
            or Microsoft.IdentityModel.Tokens.SecurityTokenException)
        {
            // Best effort: whatever cannot be read is reported as nothing, never as a server error.
            return null;
        }
    }
}
