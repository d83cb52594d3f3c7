namespace NhiPlatform.Faults.Tests.Load;

/// <summary>
/// The tokens the load workers present, replaced while they run (fresh tokens after the token service returns, tokens of
/// the new signing key, of the rotated secret). Workers read them per request.
/// </summary>
internal sealed class LoadCredentials(string valid, string wrongScope)
{
    private volatile string _valid = valid;
    private volatile string _wrongScope = wrongScope;

    /// <summary>A token allowed the echo route's scope.</summary>
    public string Valid => _valid;

    /// <summary>A valid token without the echo route's scope: the gateway must answer 403.</summary>
    public string WrongScope => _wrongScope;

    public void Replace(string valid, string wrongScope)
    {
        _valid = valid;
        _wrongScope = wrongScope;
    }
}
