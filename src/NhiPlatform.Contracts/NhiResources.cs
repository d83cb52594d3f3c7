namespace NhiPlatform.Contracts;

/// <summary>
/// Resource names of the topology, as the Aspire AppHost declares them: the connection-string and
/// service-discovery keys every service reads (and the tests set when they host a service themselves).
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
