using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NhiPlatform.TokenValidation.Authorization;

/// <summary>
/// The authorization middleware's policy evaluator, with a direct answer for the one outcome that needs no detail: an
/// authenticated caller who meets every requirement of a policy made only of this library's requirements (signed in,
/// scopes, audience). Those requirements are checked here by the rule their handlers use (each requirement's
/// <c>IsMetBy</c>), without building an authorization context and running every handler: on the gateway's hot path
/// that was about 5 % of its CPU per request. Anything else (a requirement not met, another requirement type, another
/// handler registered, schemes on the policy) goes to ASP.NET Core's <see cref="PolicyEvaluator"/>, so failures and
/// their RFC 6750 answers are unchanged.
/// </summary>
internal sealed class ScopePolicyEvaluator : IPolicyEvaluator
{
    private static readonly HashSet<Type> KnownHandlers =
        [typeof(PassThroughAuthorizationHandler), typeof(ScopeAuthorizationHandler), typeof(AudienceAuthorizationHandler)];

    private static readonly Task<AuthenticateResult> NoResult = Task.FromResult(AuthenticateResult.NoResult());

    // 0 unknown, 1 only this library's handlers are registered, 2 others too (direct answers off).
    private int _handlers;

    public Task<AuthenticateResult> AuthenticateAsync(AuthorizationPolicy policy, HttpContext context)
    {
        if (policy.AuthenticationSchemes.Count > 0)
        {
            return Default(context).AuthenticateAsync(policy, context);
        }

        // PolicyEvaluator's own answer when the policy names no scheme: the principal authentication already set.
        return context.User.Identity?.IsAuthenticated == true
            ? Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(context.User, "context.User")))
            : NoResult;
    }

    public Task<PolicyAuthorizationResult> AuthorizeAsync(
        AuthorizationPolicy policy, AuthenticateResult authenticationResult, HttpContext context, object? resource)
    {
        return authenticationResult.Succeeded && OnlyKnownHandlers(context) && AllMet(policy, context)
            ? Task.FromResult(PolicyAuthorizationResult.Success())
            : Default(context).AuthorizeAsync(policy, authenticationResult, context, resource);
    }

    private static PolicyEvaluator Default(HttpContext context) =>
        new(context.RequestServices.GetRequiredService<IAuthorizationService>());

    /// <summary>A handler of another kind could fail any requirement; then only the full evaluation can answer.</summary>
    private bool OnlyKnownHandlers(HttpContext context)
    {
        if (_handlers == 0)
        {
            var known = context.RequestServices.GetServices<IAuthorizationHandler>().All(handler => KnownHandlers.Contains(handler.GetType()));
            _handlers = known ? 1 : 2;
        }

        return _handlers == 1;
    }

    private static bool AllMet(AuthorizationPolicy policy, HttpContext context)
    {
        var user = context.User;
        foreach (var requirement in policy.Requirements)
        {
            var met = requirement switch
            {
                DenyAnonymousAuthorizationRequirement => user.Identities.Any(identity => identity.IsAuthenticated),
                ScopeRequirement all => all.IsMetBy(user),
                AnyScopeRequirement any => any.IsMetBy(user),
                AudienceRequirement audience => audience.IsMetBy(user),
                _ => false,
            };
            if (!met)
            {
                return false;
            }
        }

        return true;
    }
}
