namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>An identity the suite registered; its secret changes when the credential is rotated.</summary>
internal sealed class SuiteIdentity(string clientId, string secret, string scope)
{
    public string ClientId { get; } = clientId;

    public string Secret { get; set; } = secret;

    /// <summary>The scope its tokens are requested with.</summary>
    public string Scope { get; } = scope;
}
