using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NhiPlatform.TokenValidation.Authorization;

namespace NhiPlatform.TokenValidation.Tests.Authorization;

/// <summary>The direct answer must be ASP.NET Core's answer: compared with <see cref="PolicyEvaluator"/> case by case.</summary>
public sealed class ScopePolicyEvaluatorTests
{
    private static ServiceProvider Services(bool extraHandler = false, CountingAuthorizationService? counting = null)
    {
        var services = new ServiceCollection().AddLogging().AddAuthorization();
        services.AddSingleton<IAuthorizationHandler, ScopeAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, AudienceAuthorizationHandler>();
        if (extraHandler)
        {
            services.AddSingleton<IAuthorizationHandler, DenyEverythingHandler>();
        }

        if (counting is not null)
        {
            services.AddSingleton<DefaultAuthorizationService>(provider => ActivatorUtilities.CreateInstance<DefaultAuthorizationService>(provider));
            services.AddSingleton<IAuthorizationService>(provider =>
            {
                counting.Inner = provider.GetRequiredService<DefaultAuthorizationService>();
                return counting;
            });
        }

        return services.BuildServiceProvider();
    }

    private static ClaimsPrincipal User(bool authenticated, params (string Type, string Value)[] claims) =>
        new(new ClaimsIdentity(claims.Select(c => new Claim(c.Type, c.Value)), authenticated ? "Bearer" : null));

    private static AuthorizationPolicy Policy(params IAuthorizationRequirement[] requirements) =>
        new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(requirements).Build();

    public static TheoryData<string> Cases => [.. CaseTable.Keys];

    private static readonly Dictionary<string, (AuthorizationPolicy Policy, ClaimsPrincipal User)> CaseTable = new()
    {
        ["all of, held"] = (Policy(new ScopeRequirement(["echo.read", "echo.write"])), User(true, ("scope", "echo.write echo.read"))),
        ["all of, one missing"] = (Policy(new ScopeRequirement(["echo.read", "echo.write"])), User(true, ("scope", "echo.read"))),
        ["look-alike"] = (Policy(new ScopeRequirement(["echo.read"])), User(true, ("scope", "echo.read2 ECHO.READ echo.rea"))),
        ["double spaces"] = (Policy(new ScopeRequirement(["echo.read"])), User(true, ("scope", "  a   echo.read  "))),
        ["scope array"] = (Policy(new ScopeRequirement(["b"])), User(true, ("scope", "a"), ("scope", "b"))),
        ["any of, one held"] = (Policy(new AnyScopeRequirement(["x", "y"])), User(true, ("scope", "y"))),
        ["any of, none held"] = (Policy(new AnyScopeRequirement(["x", "y"])), User(true, ("scope", "z"))),
        ["audience met"] = (Policy(new ScopeRequirement(["a"]), new AudienceRequirement("echo")), User(true, ("scope", "a"), ("aud", "gw"), ("aud", "echo"))),
        ["audience missing"] = (Policy(new ScopeRequirement(["a"]), new AudienceRequirement("echo")), User(true, ("scope", "a"), ("aud", "gw"))),
        ["not authenticated"] = (Policy(new ScopeRequirement(["a"])), User(false, ("scope", "a"))),
        ["no scope claim"] = (Policy(new ScopeRequirement(["a"])), User(true)),
        ["other requirement"] = (new AuthorizationPolicyBuilder().RequireClaim("client_id", "c1").Build(), User(true, ("client_id", "c1"))),
        ["other requirement, unmet"] = (new AuthorizationPolicyBuilder().RequireClaim("client_id", "c1").Build(), User(true, ("client_id", "c2"))),
    };

    private static async Task<(bool Succeeded, bool Challenged, bool Forbidden)> EvaluateAsync(IPolicyEvaluator evaluator, AuthorizationPolicy policy, HttpContext context)
    {
        var authenticated = await evaluator.AuthenticateAsync(policy, context);
        var result = await evaluator.AuthorizeAsync(policy, authenticated, context, null);
        return (result.Succeeded, result.Challenged, result.Forbidden);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Answer_IsTheDefaultEvaluatorsAnswer(string name)
    {
        var (policy, user) = CaseTable[name];
        await using var services = Services();
        var context = new DefaultHttpContext { RequestServices = services, User = user };

        var expected = await EvaluateAsync(new PolicyEvaluator(services.GetRequiredService<IAuthorizationService>()), policy, context);
        var actual = await EvaluateAsync(new ScopePolicyEvaluator(), policy, context);

        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task MetScopes_AreAnsweredWithoutTheAuthorizationService_OthersUseIt()
    {
        var counting = new CountingAuthorizationService();
        await using var services = Services(counting: counting);
        var evaluator = new ScopePolicyEvaluator();

        var met = await EvaluateAsync(evaluator, CaseTable["all of, held"].Policy, new DefaultHttpContext { RequestServices = services, User = CaseTable["all of, held"].User });
        Assert.True(met.Succeeded);
        Assert.Equal(0, counting.Calls);

        var unmet = await EvaluateAsync(evaluator, CaseTable["all of, one missing"].Policy, new DefaultHttpContext { RequestServices = services, User = CaseTable["all of, one missing"].User });
        Assert.True(unmet.Forbidden);
        Assert.Equal(1, counting.Calls);
    }

    [Fact]
    public async Task AnotherHandlerRegistered_EveryAnswerIsTheFullEvaluation()
    {
        await using var services = Services(extraHandler: true);
        var (policy, user) = CaseTable["all of, held"];

        var result = await EvaluateAsync(new ScopePolicyEvaluator(), policy, new DefaultHttpContext { RequestServices = services, User = user });

        Assert.True(result.Forbidden);
    }

    private sealed class DenyEverythingHandler : IAuthorizationHandler
    {
        public Task HandleAsync(AuthorizationHandlerContext context)
        {
            context.Fail();
            return Task.CompletedTask;
        }
    }

    internal sealed class CountingAuthorizationService : IAuthorizationService
    {
        public IAuthorizationService Inner { get; set; } = null!;

        public int Calls { get; private set; }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, IEnumerable<IAuthorizationRequirement> requirements)
        {
            Calls++;
            return Inner.AuthorizeAsync(user, resource, requirements);
        }

        public Task<AuthorizationResult> AuthorizeAsync(ClaimsPrincipal user, object? resource, string policyName)
        {
            Calls++;
            return Inner.AuthorizeAsync(user, resource, policyName);
        }
    }
}
