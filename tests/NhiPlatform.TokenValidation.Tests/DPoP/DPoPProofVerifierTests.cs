using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NhiPlatform.Testing.Tokens;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenValidation.Tests.DPoP;

/// <summary>The orchestration around the validator: header count, nonce, replay and the replay store being down (fail closed).</summary>
public sealed class DPoPProofVerifierTests : IDisposable
{
    private const string Url = "https://gateway.test/connect/token";
    private readonly DPoPTestKey _key = new();

    public void Dispose() => _key.Dispose();

    private static DPoPProofVerifier Verifier(IDPoPReplayCache replays, bool requireNonce = false)
    {
        var options = Options.Create(new DPoPOptions { RequireNonce = requireNonce });
        return new DPoPProofVerifier(new DPoPProofValidator(options, TimeProvider.System),
            new DPoPNonces(new Key(), options, TimeProvider.System), replays, options);
    }

    private static HttpRequest Request(params string[] proofs)
    {
        var context = new DefaultHttpContext();
        if (proofs.Length > 0)
        {
            context.Request.Headers[DPoPConstants.HeaderName] = proofs;
        }

        return context.Request;
    }

    [Fact]
    public async Task Verify_SameProofTwice_SecondIsReplay()
    {
        var verifier = Verifier(new SeenSet());
        var proof = _key.Proof("POST", Url);

        var first = await verifier.VerifyAsync(Request(proof), new DPoPProofRequest("POST", [Url]), CancellationToken.None);
        var second = await verifier.VerifyAsync(Request(proof), new DPoPProofRequest("POST", [Url]), CancellationToken.None);

        Assert.True(first.IsValid, first.Description);
        Assert.Equal(DPoPConstants.InvalidDPoPProof, second.Error);
        Assert.Contains("already used", second.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_TwoOrNoHeaders_Invalid()
    {
        var verifier = Verifier(new SeenSet());

        var two = await verifier.VerifyAsync(Request(_key.Proof("POST", Url), _key.Proof("POST", Url)), new DPoPProofRequest("POST", [Url]), CancellationToken.None);
        var none = await verifier.VerifyAsync(Request(), new DPoPProofRequest("POST", [Url]), CancellationToken.None);

        Assert.Equal(DPoPConstants.InvalidDPoPProof, two.Error);
        Assert.Equal(DPoPConstants.InvalidDPoPProof, none.Error);
    }

    [Fact]
    public async Task Verify_NonceRequiredAndMissing_UseNonceWithAFreshOneThatThenWorks()
    {
        var verifier = Verifier(new SeenSet(), requireNonce: true);

        var first = await verifier.VerifyAsync(Request(_key.Proof("POST", Url)), new DPoPProofRequest("POST", [Url]), CancellationToken.None);
        var retried = await verifier.VerifyAsync(Request(_key.Proof("POST", Url, nonce: first.Nonce)), new DPoPProofRequest("POST", [Url]), CancellationToken.None);

        Assert.Equal(DPoPConstants.UseDPoPNonce, first.Error);
        Assert.NotNull(first.Nonce);
        Assert.True(retried.IsValid, retried.Description);
    }

    [Fact]
    public async Task Verify_ReplayStoreDown_RefusedAsUnavailable()
    {
        var result = await Verifier(new DownStore()).VerifyAsync(Request(_key.Proof("POST", Url)), new DPoPProofRequest("POST", [Url]), CancellationToken.None);

        Assert.False(result.IsValid);
        Assert.True(result.Unavailable);
        Assert.Contains("fail closed", result.Description, StringComparison.Ordinal);
    }

    private sealed class Key : IDPoPNonceKey
    {
        private readonly byte[] _key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(32);

        public ValueTask<byte[]> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(_key);
    }

    private sealed class SeenSet : IDPoPReplayCache
    {
        private readonly HashSet<string> _seen = [];

        public Task<bool> TryUseAsync(string thumbprint, string tokenId, TimeSpan window, CancellationToken cancellationToken) =>
            Task.FromResult(_seen.Add(thumbprint + "\n" + tokenId));
    }

    private sealed class DownStore : IDPoPReplayCache
    {
        public Task<bool> TryUseAsync(string thumbprint, string tokenId, TimeSpan window, CancellationToken cancellationToken) =>
            throw new TimeoutException("The replay store did not answer.");
    }
}
