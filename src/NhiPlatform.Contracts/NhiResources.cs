namespace NhiPlatform.Contracts;

/// <summary>
/// Resource names of the topology. The Aspire AppHost and the LocalHost both declare exactly these, so a service
/// sees the same connection-string and service-discovery keys whichever host started it.
/// </summary>
public static class NhiResources
{
    public const string Postgres = "postgres";
    public const string Database = "nhidb";
    public const string Cache = "cache";
    public const string Tokens = "tokens";
    public const string Inventory = "inventory";
    public const string Gateway = "gateway";
    public const string Echo = "echo";

    /// <summary>Sample: an orders service that charges through billing (demo).</summary>
    public const string Orders = "orders";

    /// <summary>Sample: a billing service (demo).</summary>
    public const string Billing = "billing";

    /// <summary>Sample: the demo's traffic (a nightly job, a legacy batch, a dormant sync, a hidden caller).</summary>
    public const string DemoTraffic = "demo-traffic";
}
