using NhiPlatform.Contracts;

namespace NhiPlatform.Samples.DemoTraffic;

/// <summary>
/// The demo's identities, each with the behaviour that makes a finding or an edge appear. The demo seeding
/// registers them (owners, purposes, tags) and writes one credentials file each.
/// </summary>
public static class DemoIdentities
{
    /// <param name="Requests">The scopes its traffic asks for, when fewer than it is granted.</param>
    public sealed record DemoIdentity(
        string ClientId, string DisplayName, string Owner, string Purpose, string[] Scopes, string[] Tags, string[]? Requests = null)
    {
        /// <summary>The <c>scope</c> of its token requests: a scope never on a token is one it never used.</summary>
        public string RequestedScope => string.Join(' ', Requests ?? Scopes);
    }

    /// <summary>The orders service itself: charges through billing.</summary>
    public static readonly DemoIdentity Orders = new("orders", "Orders service", "team-orders",
        "Charges customers through billing when an order is placed.", [NhiScopes.BillingCharge], ["env=demo", "system=orders"]);

    /// <summary>Places orders every few seconds.</summary>
    public static readonly DemoIdentity Storefront = new("storefront", "Storefront backend", "team-web",
        "Places customer orders.", [NhiScopes.OrdersWrite], ["env=demo", "system=web"]);

    /// <summary>A background job that reads orders (and once tries billing, and is refused).</summary>
    public static readonly DemoIdentity NightlyReport = new("nightly-report", "Nightly report job", "team-finance",
        "Builds the nightly revenue report from orders.", [NhiScopes.OrdersRead], ["env=demo", "system=reporting"]);

    /// <summary>Granted five scopes, asks for one: over-privileged.</summary>
    public static readonly DemoIdentity LegacyBatch = new("legacy-batch", "Legacy batch importer", "team-platform",
        "Imports orders from the old ERP.", [NhiScopes.OrdersRead, NhiScopes.OrdersWrite, NhiScopes.BillingCharge, NhiScopes.BillingRefund, NhiScopes.Read],
        ["env=demo"], Requests: [NhiScopes.OrdersRead]);

    /// <summary>Calls once, then never again: dormant.</summary>
    public static readonly DemoIdentity DormantSync = new("dormant-sync", "CRM sync (retired?)", "team-crm",
        "Synchronised orders to the old CRM.", [NhiScopes.OrdersRead], ["env=demo", "system=crm"]);

    public static IReadOnlyList<DemoIdentity> All { get; } = [Orders, Storefront, NightlyReport, LegacyBatch, DormantSync];

    /// <summary>The issuer of the hidden caller's tokens: nobody registered it.</summary>
    public const string ForeignIssuer = "https://legacy-idp.corp.example";
}
