using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using NhiPlatform.Faults.Tests.Checks;

namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>Signing-key and credential rotation under load: new credentials work at once, old ones until they are meant to stop.</summary>
internal static class CredentialPhases
{
    /// <summary>A gateway fetches new keys when a token names an unknown kid, waiting for them (UnknownKeyRefresh); generous slack for a loaded machine.</summary>
    private static readonly TimeSpan KeyPickupBound = TimeSpan.FromSeconds(15);

    private const int GraceSeconds = 4;

    public static async Task SigningKeyAsync(SuiteContext context)
    {
        var oldToken = context.Load.Valid;
        var oldKid = new JsonWebToken(oldToken).Kid;
        var newKid = await context.Admin.RotateSigningKeyAsync();
        var fresh = await context.Admin.GetTokenAsync(context.Worker.ClientId, context.Worker.Secret, context.Worker.Scope);
        context.Report.Check(newKid != oldKid && new JsonWebToken(fresh).Kid == newKid, context.Phase,
            $"after rotation tokens should carry the new kid {newKid} (old {oldKid}), got {new JsonWebToken(fresh).Kid}");

        var delays = await Task.WhenAll(context.Clients.Replicas().Select(async replica =>
        {
            var clock = Stopwatch.StartNew();
            for (var attempt = 0; clock.Elapsed < KeyPickupBound; attempt++)
            {
                if (await DenialProbe.CallAsync(replica, fresh, Name(context, "new-kid", attempt)) == HttpStatusCode.OK)
                {
                    return (replica.Name, Delay: (TimeSpan?)clock.Elapsed, Attempts: attempt + 1);
                }

                await Task.Delay(50);
            }

            return (replica.Name, Delay: (TimeSpan?)null, Attempts: 0);
        }));
        foreach (var (replica, delay, attempts) in delays)
        {
            context.Log($"{replica} accepted a token of the new key after {Format(delay)} ({attempts} call(s))");
            context.Report.Check(delay is not null, context.Phase, $"{replica} did not accept a token of the new key {newKid} within {KeyPickupBound.TotalSeconds} s");
            // The gateway fetches a key it does not hold while the request waits (UnknownKeyRefresh): no refusal first.
            context.Report.Check(attempts == 1, context.Phase, $"{replica} refused the first call with a token of the new key {newKid} ({attempts} calls)");
        }

        context.Measure("new signing key accepted at every replica (ms)", $"{delays.Max(d => d.Delay)?.TotalMilliseconds:F0}");
        foreach (var replica in context.Clients.Replicas())
        {
            var status = await DenialProbe.CallAsync(replica, oldToken, Name(context, "old-kid-" + replica.Name, 0));
            context.Report.Check(status == HttpStatusCode.OK, context.Phase,
                $"{replica.Name} answered {Format(status)} to a token of the previous key {oldKid}, which must stay valid until it expires");
        }

        await context.RenewLoadTokensAsync();
    }

    public static async Task ClientCredentialAsync(SuiteContext context)
    {
        var worker = context.Worker;
        var oldSecret = worker.Secret;
        var newSecret = await context.Admin.RotateCredentialAsync(worker.ClientId, GraceSeconds);
        var rotated = Stopwatch.StartNew();
        var withNew = await context.Admin.TryGetTokenAsync(worker.ClientId, newSecret, worker.Scope);
        context.Report.Check(withNew == HttpStatusCode.OK, context.Phase, $"the rotated secret got {Format(withNew)} from the token endpoint");
        var withOld = await context.Admin.TryGetTokenAsync(worker.ClientId, oldSecret, worker.Scope);
        // Only a verdict while the grace period surely lasted: a slow machine may have let it pass already.
        context.Report.Check(withOld == HttpStatusCode.OK || rotated.Elapsed >= TimeSpan.FromSeconds(GraceSeconds), context.Phase,
            $"the previous secret got {Format(withOld)} {rotated.ElapsedMilliseconds} ms into its {GraceSeconds} s grace period");
        worker.Secret = newSecret;
        await context.RenewLoadTokensAsync();

        await Task.Delay(TimeSpan.FromSeconds(GraceSeconds) - rotated.Elapsed is { Ticks: > 0 } rest ? rest : TimeSpan.Zero);
        HttpStatusCode? refused = null;
        while (rotated.Elapsed < TimeSpan.FromSeconds(GraceSeconds + 10) && refused is null)
        {
            var status = await context.Admin.TryGetTokenAsync(worker.ClientId, oldSecret, worker.Scope);
            refused = status == HttpStatusCode.OK ? null : status;
            await Task.Delay(refused is null ? 500 : 0);
        }

        context.Log($"previous secret refused ({Format(refused)}) {rotated.Elapsed.TotalSeconds:F1} s after rotation (grace {GraceSeconds} s)");
        context.Report.Check(refused == HttpStatusCode.Unauthorized, context.Phase,
            $"the previous secret was not refused with 401 within 10 s after its grace period (last: {Format(refused)})");
    }

    public static string Name(SuiteContext context, string purpose, int attempt) =>
        string.Create(CultureInfo.InvariantCulture, $"{context.Phase}/{purpose}/{attempt}");

    public static string Format(TimeSpan? delay) => delay is { } d ? $"{d.TotalMilliseconds:F0} ms" : "never";

    public static string Format(HttpStatusCode? status) => status is { } s ? ((int)s).ToString(CultureInfo.InvariantCulture) : "no answer";
}
