using Microsoft.AspNetCore.Http;
using NhiPlatform.TokenService.Protocol;

namespace NhiPlatform.TokenService.Tests.Protocol;

public sealed class OAuthErrorResultTests
{
    [Theory]
    [InlineData(OAuthErrors.InvalidClient, 401)]
    [InlineData(OAuthErrors.ServerError, 500)]
    [InlineData(OAuthErrors.InvalidRequest, 400)]
    [InlineData(OAuthErrors.InvalidScope, 400)]
    [InlineData(OAuthErrors.UnsupportedGrantType, 400)]
    public async Task ExecuteAsync_Error_SetsStatusAndNoStore(string code, int status)
    {
        var context = new DefaultHttpContext();
        context.Response.Body = new MemoryStream();

        await new OAuthErrorResult(new OAuthError(code, "d")).ExecuteAsync(context);

        Assert.Equal(status, context.Response.StatusCode);
        Assert.Equal("no-store", context.Response.Headers.CacheControl.ToString());
        Assert.Equal(status == 401, context.Response.Headers.WWWAuthenticate.Count > 0);
        context.Response.Body.Position = 0;
        var body = await new StreamReader(context.Response.Body).ReadToEndAsync();
        Assert.Contains($"\"error\":\"{code}\"", body, StringComparison.Ordinal);
    }
}
