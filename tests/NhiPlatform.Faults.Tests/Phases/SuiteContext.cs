using NhiPlatform.Faults.Tests.Checks;
using NhiPlatform.Faults.Tests.Load;
using NhiPlatform.Faults.Tests.Platform;
using Xunit.Abstractions;

namespace NhiPlatform.Faults.Tests.Phases;

/// <summary>Everything a phase works with: the platform's resources, the load, the identities, and where findings go.</summary>
internal sealed record SuiteContext(
    FaultPlatform Platform,
    GatewayClients Clients,
    PlatformAdmin Admin,
    LoadCredentials Load,
    PhaseClock Clock,
    FaultSuiteSettings Settings,
    SuiteReport Report,
    ITestOutputHelper Output)
{
    /// <summary>The workers' identity (scope <c>echo.read</c>); its credential is rotated.</summary>
    public required SuiteIdentity Worker { get; init; }

    /// <summary>An identity without the echo scope: its tokens must get 403 on the echo route.</summary>
    public required SuiteIdentity WrongScope { get; init; }

    /// <summary>An identity one of whose tokens is revoked.</summary>
    public required SuiteIdentity Revoked { get; init; }

    /// <summary>An identity that is disabled.</summary>
    public required SuiteIdentity Disabled { get; init; }

    public string Phase => Clock.Current;

    /// <summary>New tokens for the workers (valid and wrong-scope), from the current keys and secrets.</summary>
    public async Task RenewLoadTokensAsync() => Load.Replace(
        await Admin.GetTokenAsync(Worker.ClientId, Worker.Secret, Worker.Scope),
        await Admin.GetTokenAsync(WrongScope.ClientId, WrongScope.Secret, WrongScope.Scope));

    public void Log(string text) => Output.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} [{Phase}] {text}");

    /// <summary>A figure for <c>./bench.sh</c>, which collects output lines of this form (scripts/bench-faults-result.py).</summary>
    public void Measure(string name, FormattableString value) => Output.WriteLine($"measured: {name} = {FormattableString.Invariant(value)}");
}
