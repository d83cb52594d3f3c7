using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;

namespace NhiPlatform.TokenValidation;

/// <summary>JwtBearer events: record why a token failed (for usage), log it, and answer per RFC 6750.</summary>
internal static class AccessTokenEvents
{
    public static JwtBearerEvents Create() => new()
    {
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

            return BearerErrorWriter.WriteUnauthorizedAsync(context.HttpContext, presented);
        },
    };

    /// <summary>Reads a token's claims without trusting them, only to say who it claimed to be.</summary>
    private static JsonWebToken? ReadUnverified(string authorization)
    {
        const string prefix = "Bearer ";
        if (!authorization.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
            || authorization.Length - prefix.Length > AccessTokenDefaults.MaximumTokenSizeInBytes)
        {
            return null;
        }

        try
        {
            return new JsonWebToken(authorization[prefix.Length..].Trim());
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
