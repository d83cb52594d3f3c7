using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace NhiPlatform.Gateway.Routing;

/// <summary>
/// Resolves destinations such as <c>http://echo</c> through service discovery (<c>services:echo:http:0</c>), the
/// keys the AppHost sets. Written here because Microsoft.Extensions.ServiceDiscovery.Yarp is not
/// on our package source; it is YARP's own extension point.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();
        foreach (var (destinationId, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            foreach (var endpoint in source.Endpoints)
            {
                var text = endpoint.ToString() ?? string.Empty;
                var target = new Uri(text.Contains("://", StringComparison.Ordinal) ? text : $"{address.Scheme}://{text}");
                var builder = new UriBuilder(address) { Scheme = target.Scheme, Host = target.Host, Port = target.Port };
                resolved[$"{destinationId}[{text}]"] = destination with { Address = builder.Uri.ToString() };
            }
        }

        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }
}
