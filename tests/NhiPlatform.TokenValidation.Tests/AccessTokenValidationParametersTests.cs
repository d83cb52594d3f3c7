using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace NhiPlatform.TokenValidation.Tests;

/// <summary>The validation rules against tokens made with a real key; each broken rule must fail validation.</summary>
public sealed class AccessTokenValidationParametersTests
{
    private const string Issuer = "https://gateway.test";
    private const string Audience = "nhi-gateway";
    private static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "k1" };
    private static readonly JsonWebTokenHandler Handler = new() { SetDefaultTimesOnTokenCreation = false };

    private static string Token(Action<SecurityTokenDescriptor>? change = null, SigningCredentials? credentials = null)
    {
        var now = DateTime.UtcNow;
        var descriptor = new SecurityTokenDescriptor
        {
            TokenType = "at+jwt",
            Issuer = Issuer,
            Audience = Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(5),
            SigningCredentials = credentials ?? new SigningCredentials(Key, SecurityAlgorithms.RsaSha256),
            Claims = new Dictionary<string, object> { ["client_id"] = "orders", ["scope"] = "echo.read", ["jti"] = "j1" },
        };
        change?.Invoke(descriptor);
        return Handler.CreateToken(descriptor);
    }

    private static async Task<TokenValidationResult> ValidateAsync(string token)
    {
        var parameters = AccessTokenValidationParameters.Create(Issuer, Audience);
        parameters.IssuerSigningKeys = [new RsaSecurityKey(Key.Rsa.ExportParameters(false)) { KeyId = Key.KeyId }];
        return await Handler.ValidateTokenAsync(token, parameters);
    }

    [Fact]
    public async Task Validate_WellFormedToken_IsValid()
    {
        var result = await ValidateAsync(Token());

        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("orders", result.ClaimsIdentity.Name);
    }

    public static TheoryData<string, Action<SecurityTokenDescriptor>> BrokenRules => new()
    {
        { "wrong typ", d => d.TokenType = "JWT" },
        { "wrong issuer", d => d.Issuer = "https://elsewhere.test" },
        { "wrong audience", d => d.Audience = "billing" },
        { "expired", d => { d.NotBefore = DateTime.UtcNow.AddMinutes(-10); d.IssuedAt = d.NotBefore; d.Expires = DateTime.UtcNow.AddMinutes(-2); } },
        { "not yet valid", d => { d.NotBefore = DateTime.UtcNow.AddMinutes(2); d.Expires = DateTime.UtcNow.AddMinutes(7); } },
        { "no expiry", d => d.Expires = null },
    };

    [Theory]
    [MemberData(nameof(BrokenRules))]
    public async Task Validate_BrokenRule_IsInvalid(string rule, Action<SecurityTokenDescriptor> change)
    {
        var result = await ValidateAsync(Token(change));

        Assert.False(result.IsValid, rule);
    }

    [Fact]
    public async Task Validate_AlgNone_IsInvalid()
    {
        var parts = Token().Split('.');
        var header = Base64UrlEncoder.Encode("""{"alg":"none","typ":"at+jwt","kid":"k1"}""");

        Assert.False((await ValidateAsync($"{header}.{parts[1]}.")).IsValid);
    }

    [Fact]
    public async Task Validate_Hs256SignedWithPublicKey_IsInvalid()
    {
        var publicKeyBytes = Encoding.UTF8.GetBytes(Key.Rsa.ExportSubjectPublicKeyInfoPem());
        var hmac = new SigningCredentials(new SymmetricSecurityKey(publicKeyBytes) { KeyId = "k1" }, SecurityAlgorithms.HmacSha256);

        Assert.False((await ValidateAsync(Token(credentials: hmac))).IsValid);
    }

    [Fact]
    public async Task Validate_OtherKeyWithSameKid_IsInvalid()
    {
        var foreign = new SigningCredentials(new RsaSecurityKey(RSA.Create(2048)) { KeyId = "k1" }, SecurityAlgorithms.RsaSha256);

        Assert.False((await ValidateAsync(Token(credentials: foreign))).IsValid);
    }

    [Fact]
    public async Task Validate_TamperedPayload_IsInvalid()
    {
        var parts = Token().Split('.');
        var payload = Base64UrlEncoder.Decode(parts[1]).Replace("echo.read", "nhi.admin", StringComparison.Ordinal);

        Assert.False((await ValidateAsync($"{parts[0]}.{Base64UrlEncoder.Encode(payload)}.{parts[2]}")).IsValid);
    }
}
