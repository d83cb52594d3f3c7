using System.ComponentModel.DataAnnotations;

namespace NhiPlatform.Gateway.Routing;

/// <summary>Route defaults, bound from <c>Nhi:Audience</c> in Extensions.</summary>
internal sealed class RoutingOptions
{
    /// <summary>The audience a route requires when it declares none.</summary>
    [Required]
    public string DefaultAudience { get; set; } = string.Empty;
}
