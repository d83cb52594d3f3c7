namespace NhiPlatform.Faults.Tests.Checks;

/// <summary>The log scan must find what it looks for, or its silence proves nothing.</summary>
public sealed class LogScanTests
{
    private const string Jwt = "eyJhbGciOiJSUzI1NiIsInR5cCI6ImF0K2p3dCJ9.eyJzdWIiOiJvcmRlcnMiLCJqdGkiOiIxIn0.c2lnbmF0dXJl";

    [Fact]
    public void FindLeaks_SecretInLine_ReportedWithoutTheSecret()
    {
        var secrets = new IssuedSecrets();
        secrets.Add("s3cr3t-value-1234567890", "secret of orders");

        var leak = Assert.Single(LogScan.FindLeaks(["Auth failed for orders with s3cr3t-value-1234567890"], secrets));

        Assert.StartsWith("secret of orders in:", leak, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value-1234567890", leak, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLeaks_AnyCompactJwt_Reported()
    {
        var leak = Assert.Single(LogScan.FindLeaks([$"Bearer {Jwt} rejected"], new IssuedSecrets()));

        Assert.DoesNotContain(Jwt, leak, StringComparison.Ordinal);
    }

    [Fact]
    public void FindLeaks_TokenIdsAndClientIds_NotLeaks() =>
        Assert.Empty(LogScan.FindLeaks(["Issued access token KXLfjZp9QlJdiR0E91PeOg to faults-worker-d39rnv with scope 'echo.read'"], new IssuedSecrets()));
}
