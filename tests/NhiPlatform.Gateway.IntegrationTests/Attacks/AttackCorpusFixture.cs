using NhiPlatform.Testing;

namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

/// <summary>
/// Its own PostgreSQL and Redis and one <see cref="StubKeysGateway"/> shared by every case of the corpus (one gateway start
/// for the whole corpus rather than one per case).
/// </summary>
public sealed class AttackCorpusFixture : IAsyncLifetime
{
    private readonly LocalServersFixture _servers = new();

    internal StubKeysGateway Gateway { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await _servers.InitializeAsync();
        Gateway = await StubKeysGateway.StartAsync(_servers);
    }

    public async Task DisposeAsync()
    {
        if (Gateway is not null)
        {
            await Gateway.DisposeAsync();
        }

        await _servers.DisposeAsync();
    }
}
