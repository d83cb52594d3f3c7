using System.Text;
using Microsoft.AspNetCore.Http;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Tests.Protocol;

public sealed class TokenRequestReaderTests
{
    private static HttpRequest Request(string body, string contentType = "application/x-www-form-urlencoded", string? authorization = null)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = contentType;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        if (authorization is not null)
        {
            context.Request.Headers.Authorization = authorization;
        }

        return context.Request;
    }

    private static string Basic(string id, string secret) =>
        "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Uri.EscapeDataString(id)}:{Uri.EscapeDataString(secret)}"));

    [Fact]
    public async Task ReadAsync_Basic_ReadsDecodedCredentials()
    {
        var (request, error) = await TokenRequestReader.ReadAsync(
            Request("grant_type=client_credentials&scope=a+b", authorization: Basic("my client", "s:e%cret")), CancellationToken.None);

        Assert.Null(error);
        Assert.Equal("my client", request!.ClientId);
        Assert.Equal("s:e%cret", request.ClientSecret);
        Assert.Equal("a b", request.Scope);
        Assert.Equal(ClientAuthenticationMethod.ClientSecretBasic, request.AuthenticationMethod);
    }

    [Fact]
    public async Task ReadAsync_BodyCredentials_IsClientSecretPost()
    {
        var (request, _) = await TokenRequestReader.ReadAsync(
            Request("grant_type=client_credentials&client_id=c&client_secret=s"), CancellationToken.None);

        Assert.Equal(ClientAuthenticationMethod.ClientSecretPost, request!.AuthenticationMethod);
        Assert.Equal("c", request.ClientId);
    }

    [Fact]
    public async Task ReadAsync_JsonBody_IsInvalidRequest()
    {
        var (_, error) = await TokenRequestReader.ReadAsync(Request("{}", "application/json"), CancellationToken.None);

        Assert.Equal(OAuthErrors.InvalidRequest, error?.Error);
    }

    [Fact]
    public async Task ReadAsync_RepeatedParameter_IsInvalidRequest()
    {
        var (_, error) = await TokenRequestReader.ReadAsync(
            Request("grant_type=client_credentials&scope=a&scope=b"), CancellationToken.None);

        Assert.Equal(OAuthErrors.InvalidRequest, error?.Error);
    }

    [Fact]
    public async Task ReadAsync_TwoAuthenticationMethods_IsInvalidRequest()
    {
        var (_, error) = await TokenRequestReader.ReadAsync(
            Request("grant_type=client_credentials&client_secret=s", authorization: Basic("c", "s")), CancellationToken.None);

        Assert.Equal(OAuthErrors.InvalidRequest, error?.Error);
    }

    [Theory]
    [InlineData("Basic !!!not-base64!!!")]
    [InlineData("Basic bm9jb2xvbg==")]
    [InlineData("Basic OnNlY3JldA==")]
    public async Task ReadAsync_MalformedBasic_IsInvalidRequest(string authorization)
    {
        var (_, error) = await TokenRequestReader.ReadAsync(
            Request("grant_type=client_credentials", authorization: authorization), CancellationToken.None);

        Assert.Equal(OAuthErrors.InvalidRequest, error?.Error);
    }

    [Fact]
    public async Task ReadAsync_ClientAssertion_IsPrivateKeyJwt()
    {
        var (request, error) = await TokenRequestReader.ReadAsync(Request(
            "grant_type=client_credentials&client_assertion_type=urn%3Aietf%3Aparams%3Aoauth%3Aclient-assertion-type%3Ajwt-bearer&client_assertion=a.b.c&resource=https%3A%2F%2Fx"),
            CancellationToken.None);

        Assert.Null(error);
        Assert.Equal(ClientAuthenticationMethod.PrivateKeyJwt, request!.AuthenticationMethod);
        Assert.Equal("a.b.c", request.ClientAssertion);
        Assert.Equal("https://x", request.Resource);
    }

    [Fact]
    public async Task ReadAsync_TwoResources_IsInvalidTarget()
    {
        var (_, error) = await TokenRequestReader.ReadAsync(Request("grant_type=client_credentials&resource=a&resource=b"), CancellationToken.None);

        Assert.Equal(OAuthErrors.InvalidTarget, error?.Error);
    }
}
