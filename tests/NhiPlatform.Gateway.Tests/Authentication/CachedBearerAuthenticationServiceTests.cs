using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using NhiPlatform.Gateway.Authentication;
using NhiPlatform.Gateway.Extensions;
using NhiPlatform.TokenValidation;

namespace NhiPlatform.Gateway.Tests.Authentication;

/// <summary>
/// The direct answer for cached tokens, registered as the gateway does, behind ASP.NET Core's authentication middleware and
/// against real JwtBearer (real RS256 tokens and keys): it signs in only tokens the
/// cache holds for the current keys and that TokenValidated accepts; everything else is JwtBearer's, unchanged.
/// </summary>
public sealed class CachedBearerAuthenticationServiceTests : IDisposable
{
    private const string Issuer = "https://gateway.test";
    private const string Audience = "nhi-gateway";
    private readonly RSA _rsa = RSA.Create(2048);
    private readonly RsaSecurityKey _key;
    private readonly StaticConfigurationManager<OpenIdConnectConfiguration> _metadata;
    private readonly ValidatedTokenCache _cache = new(Options.Create(new ValidatedTokenCacheOptions()), TimeProvider.System);
    private readonly HashSet<string> _revoked = [];
    private int _tokenValidatedCalls;

    public CachedBearerAuthenticationServiceTests()
    {
        _key = new RsaSecurityKey(_rsa) { KeyId = "k1" };
        var configuration = new OpenIdConnectConfiguration { Issuer = Issuer };
        configuration.SigningKeys.Add(_key);
        _metadata = new StaticConfigurationManager<OpenIdConnectConfiguration>(configuration);
    }

    public void Dispose() => _rsa.Dispose();

    private ServiceProvider Services()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(options =>
        {
            options.ConfigurationManager = _metadata;
            options.MapInboundClaims = false;
            options.TokenValidationParameters = AccessTokenValidationParameters.Create(Issuer, Audience);
            options.TokenHandlers.Clear();
            options.TokenHandlers.Add(new CachingJsonWebTokenHandler(_cache, new UnknownKeyRefresh(TimeProvider.System)) { MapInboundClaims = false });
            options.Events = new JwtBearerEvents
            {
                OnTokenValidated = context =>
                {
                    _tokenValidatedCalls++;
                    if (context.SecurityToken is JsonWebToken token && _revoked.Contains(token.Id))
                    {
                        context.Fail("revoked");
                    }

                    return Task.CompletedTask;
                },
            };
        });
        services.AddSingleton(_cache);
        services.AddCachedBearerAuthentication();
        return services.BuildServiceProvider();
    }

    private string Token(string jti) =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Audience = Audience,
            Expires = DateTime.UtcNow.AddMinutes(5),
            Claims = new Dictionary<string, object> { ["jti"] = jti, ["client_id"] = "c1", ["scope"] = "echo.read" },
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });

    /// <summary>One request through the middleware; the principal the next step saw, or null when it was not reached.</summary>
    private async Task<(ClaimsPrincipal? User, IAuthenticateResultFeature? Result)> SendAsync(
        IServiceProvider services, string? authorization, Func<HttpContext, Task>? then = null)
    {
        ClaimsPrincipal? seen = null;
        var middleware = new AuthenticationMiddleware(
            async context =>
            {
                seen = context.User;
                await (then?.Invoke(context) ?? Task.CompletedTask);
            },
            services.GetRequiredService<IAuthenticationSchemeProvider>());
        // Request services are a scope per request, as in ASP.NET Core (authentication handlers live in it).
        await using var scope = services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        await middleware.Invoke(context);
        return (seen, context.Features.Get<IAuthenticateResultFeature>());
    }

    [Fact]
    public async Task FirstUse_IsJwtBearers_ThenTheCachedTokenIsSignedInDirectly_StillThroughTokenValidated()
    {
        await using var services = Services();
        var token = Token("j1");

        var first = await SendAsync(services, $"Bearer {token}");
        Assert.True(first.User?.Identity?.IsAuthenticated);
        Assert.Equal(0, _cache.Hits);
        Assert.Equal(1, _tokenValidatedCalls);

        var second = await SendAsync(services, $"Bearer {token}");
        Assert.True(second.User?.Identity?.IsAuthenticated);
        Assert.Equal("c1", second.User!.FindFirst("client_id")?.Value);
        Assert.True(second.Result?.AuthenticateResult?.Succeeded);
        Assert.Equal(1, _cache.Hits);
        Assert.Equal(2, _tokenValidatedCalls);
    }

    [Fact]
    public async Task AskedAgainInTheSameRequest_GivesTheSameAnswer_WithoutAnotherLookupOrTokenValidated()
    {
        await using var services = Services();
        var token = Token("j1b");
        await SendAsync(services, $"Bearer {token}");
        AuthenticateResult? again = null;

        // As the authorization middleware's policy evaluator does for a policy that names the scheme.
        var first = await SendAsync(services, $"Bearer {token}",
            async context => again = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme));

        Assert.Same(first.Result?.AuthenticateResult, again);
        Assert.True(again?.Succeeded);
        Assert.Equal(1, _cache.Hits);
        Assert.Equal(2, _tokenValidatedCalls);
    }

    [Fact]
    public async Task CachedTokenRevoked_GoesToJwtBearer_WhichRefusesIt()
    {
        await using var services = Services();
        var token = Token("j2");
        await SendAsync(services, $"Bearer {token}");
        _revoked.Add("j2");

        var refused = await SendAsync(services, $"Bearer {token}");

        Assert.False(refused.User?.Identity?.IsAuthenticated ?? false);
        Assert.False(refused.Result?.AuthenticateResult?.Succeeded ?? false);
        // Once on the direct path (refused there), once more on JwtBearer's, which answers.
        Assert.Equal(3, _tokenValidatedCalls);
    }

    [Fact]
    public async Task CachedTokenChangedByOneCharacter_IsValidatedInFullAndRefused()
    {
        await using var services = Services();
        var token = Token("j3");
        await SendAsync(services, $"Bearer {token}");
        var tampered = token[..^2] + (token[^2] == 'A' ? 'B' : 'A') + token[^1];

        var refused = await SendAsync(services, $"Bearer {tampered}");

        Assert.False(refused.User?.Identity?.IsAuthenticated ?? false);
        Assert.Equal(0, _cache.Hits);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer ")]
    [InlineData("Bearer not-a-token")]
    public async Task NoUsableToken_IsJwtBearers(string? authorization)
    {
        await using var services = Services();

        var result = await SendAsync(services, authorization);

        Assert.False(result.User?.Identity?.IsAuthenticated ?? false);
        Assert.Equal(0, _cache.Hits);
    }
}
