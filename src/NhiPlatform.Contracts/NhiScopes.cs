namespace NhiPlatform.Contracts;

/// <summary>Scopes the platform itself defines; routes declare their own beside these.</summary>
public static class NhiScopes
{
    /// <summary>Administers identities, credentials, keys (token service admin API) and inventory writes.</summary>
    public const string Admin = "nhi.admin";

    /// <summary>Reads the inventory (queries, findings, map).</summary>
    public const string Read = "nhi.read";

    /// <summary>Calls the echo sample service.</summary>
    public const string EchoRead = "echo.read";

    /// <summary>Reads orders (sample).</summary>
    public const string OrdersRead = "orders.read";

    /// <summary>Places orders (sample).</summary>
    public const string OrdersWrite = "orders.write";

    /// <summary>Charges a customer (sample billing).</summary>
    public const string BillingCharge = "billing.charge";

    /// <summary>Refunds a charge (sample billing; granted to the legacy identity, never used).</summary>
    public const string BillingRefund = "billing.refund";
}
