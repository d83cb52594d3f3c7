namespace NhiPlatform.Gateway.Routing;

/// <summary>Keys of a route's <c>Metadata</c> in the <c>ReverseProxy</c> configuration.</summary>
internal static class RouteMetadataKeys
{
    /// <summary>"true" to pass the caller's <c>Authorization</c> header downstream (token service, inventory); stripped otherwise.</summary>
    public const string ForwardAuthorization = "Nhi.ForwardAuthorization";
}
