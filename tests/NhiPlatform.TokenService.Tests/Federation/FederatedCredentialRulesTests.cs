using System.Text.Json;
using NhiPlatform.TokenService.Federation;

namespace NhiPlatform.TokenService.Tests.Federation;

public sealed class FederatedCredentialRulesTests
{
    private static readonly string[] Defaults = ["https://gateway.test/connect/token", "https://gateway.test"];

    private static (FederatedCredentialDraft? Draft, Dictionary<string, string[]> Errors) Check(
        string? name = "deploy", string? issuer = "https://token.actions.githubusercontent.com", string? subject = "repo:contoso/billing:ref:refs/heads/main",
        string[]? audiences = null, Dictionary<string, string>? claims = null, string? description = null, string? jwks = null, bool allowLoopback = false) =>
        FederatedCredentialRules.Check(name, issuer, subject, audiences, claims, description,
            jwks is null ? null : JsonDocument.Parse(jwks).RootElement, Defaults, allowLoopback);

    [Fact]
    public void Check_Minimal_FillsDefaultAudiences()
    {
        var (draft, errors) = Check();

        Assert.Empty(errors);
        Assert.Equal(Defaults, draft!.Audiences);
        Assert.Null(draft.Jwks);
    }

    [Fact]
    public void Check_PinnedJwks_StoredWithPublicMembersOnly()
    {
        var (draft, errors) = Check(jwks: """{"keys":[{"kty":"EC","crv":"P-256","kid":"k1","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"}]}""");

        Assert.Empty(errors);
        Assert.Single(JwksReader.Read(draft!.Jwks!)!);
    }

    [Theory]
    [InlineData("name")]
    [InlineData("issuer")]
    [InlineData("subject")]
    public void Check_MissingRequiredMember_IsNamed(string member)
    {
        var (draft, errors) = member switch
        {
            "name" => Check(name: null),
            "issuer" => Check(issuer: null),
            _ => Check(subject: " "),
        };

        Assert.Null(draft);
        Assert.True(errors.ContainsKey(member));
    }

    [Fact]
    public void Check_LoopbackHttpIssuer_OnlyWhenAllowed()
    {
        Assert.True(Check(issuer: "http://127.0.0.1:9000").Errors.ContainsKey("issuer"));
        Assert.Empty(Check(issuer: "http://127.0.0.1:9000", allowLoopback: true).Errors);
    }

    [Fact]
    public void Check_RegisteredClaimOrTooManyAudiences_Refused()
    {
        Assert.True(Check(claims: new() { ["aud"] = "x" }).Errors.ContainsKey("claims"));
        Assert.True(Check(audiences: ["a", "b", "c", "d", "e", "f"]).Errors.ContainsKey("audiences"));
        Assert.True(Check(description: new string('d', 601)).Errors.ContainsKey("description"));
    }
}
