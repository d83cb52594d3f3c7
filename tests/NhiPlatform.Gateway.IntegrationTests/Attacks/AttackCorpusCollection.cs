namespace NhiPlatform.Gateway.IntegrationTests.Attacks;

[CollectionDefinition(Name)]
public sealed class AttackCorpusCollection : ICollectionFixture<AttackCorpusFixture>
{
    public const string Name = "attack-corpus";
}
