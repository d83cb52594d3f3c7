using Microsoft.AspNetCore.Http;

namespace NhiPlatform.TokenValidation.Tests;

public sealed class BearerErrorWriterTests
{
    private static DefaultHttpContext Context() => new() { Response = { Body = new MemoryStream() } };

    private static string Body(HttpContext context)
    {
        context.Response.Body.Position = 0;
        return new StreamReader(context.Response.Body).ReadToEnd();
    }

    [Fact]
    public async Task WriteUnauthorized_NoToken_ChallengesWithoutErrorCode()
    {
        var context = Context();

        await BearerErrorWriter.WriteUnauthorizedAsync(context, tokenPresented: false);

        Assert.Equal(401, context.Response.StatusCode);
        Assert.Equal("Bearer realm=\"nhi\"", context.Response.Headers.WWWAuthenticate.ToString());
        Assert.DoesNotContain("\"error\"", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteUnauthorized_BadToken_IsInvalidToken()
    {
        var context = Context();

        await BearerErrorWriter.WriteUnauthorizedAsync(context, tokenPresented: true);

        Assert.Contains("error=\"invalid_token\"", context.Response.Headers.WWWAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Contains("\"error\":\"invalid_token\"", Body(context), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteInsufficientScope_NamesRequiredScopes()
    {
        var context = Context();

        await BearerErrorWriter.WriteInsufficientScopeAsync(context, ["echo.read", "echo.write"]);

        Assert.Equal(403, context.Response.StatusCode);
        var challenge = context.Response.Headers.WWWAuthenticate.ToString();
        Assert.Contains("error=\"insufficient_scope\"", challenge, StringComparison.Ordinal);
        Assert.Contains("scope=\"echo.read echo.write\"", challenge, StringComparison.Ordinal);
    }
}
