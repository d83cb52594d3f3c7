using System.Diagnostics;
using System.Net;
using NhiPlatform.Faults.Tests.Checks;

namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>
/// A revoked token and a disabled identity must be refused by every replica within 1 s of the token service accepting
/// the change (measured over HTTP, under load), while the identity's other tokens (revocation) keep working.
/// </summary>
internal static class RevocationPhases
{
    private static readonly TimeSpan Requirement = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(10);

    public static async Task RevokeTokenAsync(SuiteContext context)
    {
        var identity = context.Revoked;
        var token = await context.Admin.GetTokenAsync(identity.ClientId, identity.Secret, identity.Scope);
        var sibling = await context.Admin.GetTokenAsync(identity.ClientId, identity.Secret, identity.Scope);
        await ExpectAcceptedAsync(context, token, "before-revoke");
        var delays = await MeasureAsync(context, token, "revoked", () => context.Admin.RevokeAsync(identity.ClientId, identity.Secret, token));
        Judge(context, "revoked token", delays);
        context.Measure("revocation enforced at every replica (ms)", $"{delays.Values.Max()?.TotalMilliseconds:F0}");
        await ExpectAcceptedAsync(context, sibling, "sibling-of-revoked");
    }

    public static async Task DisableIdentityAsync(SuiteContext context)
    {
        var identity = context.Disabled;
        var token = await context.Admin.GetTokenAsync(identity.ClientId, identity.Secret, identity.Scope);
        await ExpectAcceptedAsync(context, token, "before-disable");
        var delays = await MeasureAsync(context, token, "disabled", () => context.Admin.DisableAsync(identity.ClientId));
        Judge(context, "token of the disabled identity", delays);
        context.Measure("disabling enforced at every replica (ms)", $"{delays.Values.Max()?.TotalMilliseconds:F0}");
        var status = await context.Admin.TryGetTokenAsync(identity.ClientId, identity.Secret, identity.Scope);
        context.Report.Check(status != HttpStatusCode.OK, context.Phase, "the disabled identity still got a token");
    }

    /// <summary>Probes start before the change is sent; a delay counts from the change's acceptance (0 if denied earlier).</summary>
    private static async Task<IReadOnlyDictionary<string, TimeSpan?>> MeasureAsync(SuiteContext context, string token, string name, Func<Task> change)
    {
        long accepted = 0;
        var probe = DenialProbe.MeasureAsync(context.Clients.Replicas(), token, $"{context.Phase}/{name}",
            () => Interlocked.Read(ref accepted) is var at && at == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(at), ProbeTimeout);
        await change();
        Interlocked.Exchange(ref accepted, Stopwatch.GetTimestamp());
        return await probe;
    }

    private static void Judge(SuiteContext context, string what, IReadOnlyDictionary<string, TimeSpan?> delays)
    {
        foreach (var (replica, delay) in delays)
        {
            context.Log($"{replica} refused the {what} {CredentialPhases.Format(delay)} after the change was accepted");
            context.Report.Check(delay is { } d && d <= Requirement, context.Phase,
                $"{replica} refused the {what} after {CredentialPhases.Format(delay)} (required: within {Requirement.TotalMilliseconds:F0} ms)");
        }
    }

    private static async Task ExpectAcceptedAsync(SuiteContext context, string token, string purpose)
    {
        foreach (var replica in context.Clients.Replicas())
        {
            var status = await DenialProbe.CallAsync(replica, token, CredentialPhases.Name(context, $"{purpose}-{replica.Name}", 0));
            context.Report.Check(status == HttpStatusCode.OK, context.Phase, $"{replica.Name} answered {CredentialPhases.Format(status)} to a valid token ({purpose})");
        }
    }
}
