using Microsoft.Extensions.Options;

namespace NhiPlatform.Inventory.Findings.Lifecycle;

/// <summary>Turning the policy on without the admin client's credentials stops the process at start.</summary>
internal sealed class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options) =>
        options.DisableDormant && (string.IsNullOrWhiteSpace(options.AdminClientId) || string.IsNullOrWhiteSpace(options.AdminClientSecret))
            ? ValidateOptionsResult.Fail("Nhi:Inventory:Lifecycle:DisableDormant needs AdminClientId and AdminClientSecret.")
            : ValidateOptionsResult.Success;
}
