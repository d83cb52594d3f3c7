using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NhiPlatform.TokenValidation.DPoP;

namespace NhiPlatform.TokenValidation.Tests.DPoP;

public sealed class DPoPNoncesTests
{
    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);
    private readonly FixedKey _key = new(RandomNumberGenerator.GetBytes(32));

    private DPoPNonces Nonces(IDPoPNonceKey? key = null) =>
        new(key ?? _key, Options.Create(new DPoPOptions { NonceStep = TimeSpan.FromSeconds(60) }), _clock);

    [Fact]
    public async Task IsValid_IssuedByAnotherInstanceWithTheSameKey_True()
    {
        var nonce = await Nonces().IssueAsync(CancellationToken.None);

        Assert.True(await Nonces().IsValidAsync(nonce, CancellationToken.None));
    }

    [Fact]
    public async Task IsValid_NextStep_TrueAndTwoStepsLater_False()
    {
        var nonces = Nonces();
        var nonce = await nonces.IssueAsync(CancellationToken.None);

        _clock.Advance(TimeSpan.FromSeconds(60));
        var nextStep = await nonces.IsValidAsync(nonce, CancellationToken.None);
        _clock.Advance(TimeSpan.FromSeconds(60));

        Assert.True(nextStep);
        Assert.False(await nonces.IsValidAsync(nonce, CancellationToken.None));
    }

    [Fact]
    public async Task IsValid_AnotherKeyOrTamperedOrGarbage_False()
    {
        var nonce = await Nonces().IssueAsync(CancellationToken.None);
        var tampered = (nonce[^1] == 'A' ? nonce[..^1] + "B" : nonce[..^1] + "A");

        Assert.False(await Nonces(new FixedKey(RandomNumberGenerator.GetBytes(32))).IsValidAsync(nonce, CancellationToken.None));
        Assert.False(await Nonces().IsValidAsync(tampered, CancellationToken.None));
        Assert.False(await Nonces().IsValidAsync("!!", CancellationToken.None));
        Assert.False(await Nonces().IsValidAsync(null, CancellationToken.None));
    }

    private sealed class FixedKey(byte[] key) : IDPoPNonceKey
    {
        public ValueTask<byte[]> GetAsync(CancellationToken cancellationToken) => ValueTask.FromResult(key);
    }
}
