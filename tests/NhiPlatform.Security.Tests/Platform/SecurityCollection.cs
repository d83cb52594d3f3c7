namespace NhiPlatform.Security.Tests.Platform;

/// <summary>
/// Every class of the suite shares one platform and runs one after another: the log scan at the end (in
/// <see cref="SecurityPlatform.DisposeAsync"/>) then covers every line any of them caused.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SecurityCollection : ICollectionFixture<SecurityPlatform>
{
    public const string Name = "security";
}
