using NhiPlatform.Contracts.Events;
using NhiPlatform.Inventory.Ingestion;

namespace NhiPlatform.Inventory.Tests.Ingestion;

public sealed class UsageReadModelDeltasTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static UsageRecordedEvent Call(string? clientId, DateTimeOffset at, string decision = UsageDecisions.Allowed, string? scopes = null) => new()
    {
        EventId = Guid.NewGuid(), OccurredAt = at, ClientId = clientId, RouteId = "orders", Destination = "orders-api", Method = "GET",
        Path = "/svc/orders", Status = 200, LatencyMs = 1, Decision = decision, Scopes = scopes, SourceAddress = "10.0.0.1",
    };

    [Fact]
    public void From_CallsOfOneCaller_SummedPerReadModel()
    {
        var deltas = UsageReadModelDeltas.From(
        [
            Call("orders", Noon.AddMinutes(30)),
            Call("orders", Noon.AddMinutes(-5), UsageDecisions.Denied),
            Call("orders", Noon.AddMinutes(90)),
        ]);

        var caller = Assert.Single(deltas.Callers);
        Assert.Equal(("orders", "identity", 3L, 1L), (caller.Key, caller.Value.Kind, caller.Value.Calls, caller.Value.Denials));
        Assert.Equal(Noon.AddMinutes(-5), caller.Value.FirstSeen);
        Assert.Equal(Noon.AddMinutes(90), caller.Value.LastSeen);
        Assert.Equal(3, Assert.Single(deltas.Edges).Value.Calls);
        Assert.Equal(3, Assert.Single(deltas.Sources).Value.Calls);
        Assert.Equal((new DateOnly(2026, 11, 23), "orders", "orders", "orders-api"), Assert.Single(deltas.Daily).Key);
        Assert.Equal([1L, 1L, 1L], deltas.Hourly.Values.Select(h => h.Calls));
        Assert.Equal([Noon.AddHours(-1).UtcDateTime, Noon.UtcDateTime, Noon.AddHours(1).UtcDateTime], deltas.Hourly.Keys.Select(k => k.Hour));
    }

    [Fact]
    public void From_AuthenticatedCalls_CollectMethodsAndLatestCredentialUse()
    {
        var deltas = UsageReadModelDeltas.From(
        [
            Call("orders", Noon) with { AuthenticationMethod = "federated", CredentialId = "fed-1" },
            Call("orders", Noon.AddMinutes(5)) with { AuthenticationMethod = "client_secret_basic", CredentialId = "secret-1" },
            Call("orders", Noon.AddMinutes(-5)) with { AuthenticationMethod = "federated", CredentialId = "fed-1" },
            // A denied call proves nothing about the credential's use.
            Call("orders", Noon.AddMinutes(9), UsageDecisions.Denied) with { AuthenticationMethod = "private_key_jwt", CredentialId = "key-1" },
        ]);

        Assert.Equal(["client_secret_basic", "federated"], Assert.Single(deltas.AuthenticationMethods).Value);
        Assert.Equal(2, deltas.CredentialUses.Count);
        Assert.Equal(Noon, deltas.CredentialUses["fed-1"]);
        Assert.Equal(Noon.AddMinutes(5), deltas.CredentialUses["secret-1"]);
    }

    [Fact]
    public void From_UnverifiedAndAnonymousCallers_KeyedAsTheReadModelsKeyThem()
    {
        var hidden = Call(null, Noon) with { UnverifiedSubject = "svc", UnverifiedIssuer = null };

        var deltas = UsageReadModelDeltas.From([hidden, Call(null, Noon)]);

        Assert.Equal(["anonymous", "unverified@10.0.0.1"], deltas.Callers.Keys);
        Assert.Equal(["anonymous", "unverified"], deltas.Callers.Values.Select(c => c.Kind));
    }

    [Fact]
    public void From_UnverifiedTokensClaimingAThousandNames_AreOneCallerPerSource_WithNoClaimedTextInAnyKey()
    {
        var flood = Enumerable.Range(0, 1000).Select(i => Call(null, Noon, UsageDecisions.Denied) with
        {
            UnverifiedSubject = $"<script>subject-{i}</script>", UnverifiedIssuer = $"https://issuer-{i}.example",
            SourceAddress = i % 2 == 0 ? "203.0.113.9" : $"2001:db8:1:2::{i:x}",
        });

        var deltas = UsageReadModelDeltas.From(flood);

        Assert.Equal(["unverified@2001:db8:1:2::/64", "unverified@203.0.113.9"], deltas.Callers.Keys);
        Assert.Equal(2, deltas.Edges.Count);
        Assert.DoesNotContain(deltas.Callers.Keys.Concat(deltas.Sources.Keys.Select(k => k.Caller)), key => key.Contains("subject", StringComparison.Ordinal));
    }

    [Fact]
    public void From_Scopes_OnlyOfAllowedCalls_DistinctAndOrdered()
    {
        var deltas = UsageReadModelDeltas.From(
        [
            Call("orders", Noon, scopes: "orders.write  orders.read"),
            Call("orders", Noon, scopes: "orders.read"),
            Call("orders", Noon, UsageDecisions.Denied, "admin"),
        ]);

        Assert.Equal("orders.read orders.write", Assert.Single(deltas.Edges).Value.Scopes);
    }

    [Fact]
    public void From_NoSourceAddressOrRoute_NoSourceRowAndEmptyRoute()
    {
        var deltas = UsageReadModelDeltas.From([Call("orders", Noon) with { SourceAddress = null, RouteId = null, Destination = null }]);

        Assert.Empty(deltas.Sources);
        Assert.Equal(("orders", "", ""), Assert.Single(deltas.Edges).Key);
        Assert.Equal("", Assert.Single(deltas.Edges).Value.Scopes);
    }
}
