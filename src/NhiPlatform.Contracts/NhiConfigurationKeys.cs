namespace NhiPlatform.Contracts;

/// <summary>
/// Configuration keys, in the ':' form services read; <see cref="ToEnvironmentVariable"/> gives the '__' form
/// hosts set on child processes.
/// </summary>
public static class NhiConfigurationKeys
{
    /// <summary>The issuer (<c>iss</c>): the gateway's public base URL.</summary>
    public const string Issuer = "Nhi:Issuer";

    /// <summary>
    /// The name of this run's instance of a service, from the host that started it; <c>/health</c> answers it in the
    /// <see cref="InstanceHeader"/> header, so a probe knows it reached the instance it started and not another process.
    /// </summary>
    public const string InstanceId = "Nhi:InstanceId";

    /// <summary>The <c>/health</c> response header that carries <see cref="InstanceId"/>.</summary>
    public const string InstanceHeader = "Nhi-Instance";

    /// <summary>The audience the gateway accepts and the token service puts in tokens by default.</summary>
    public const string Audience = "Nhi:Audience";

    /// <summary>Where the token service writes the first admin identity's credentials (mode 600) on first start.</summary>
    public const string BootstrapCredentialsFile = "Nhi:Bootstrap:CredentialsFile";

    /// <summary>A sample's credentials file (same shape as bootstrap.json), written by the demo seeding.</summary>
    public const string SampleCredentialsFile = "Nhi:Samples:CredentialsFile";

    /// <summary>The demo traffic's directory of credentials files, one per demo identity.</summary>
    public const string DemoCredentialsDirectory = "Nhi:Samples:CredentialsDirectory";

    /// <summary>
    /// The proxies whose <c>X-Forwarded-For</c> a service believes (IP addresses or CIDR networks, a list): the gateway,
    /// for the token service. With none, the connection's peer is the caller's address.
    /// </summary>
    public const string TrustedProxies = "Nhi:TrustedProxies";

    /// <summary>Section of the token service's options.</summary>
    public const string TokensSection = "Nhi:Tokens";

    /// <summary>
    /// The key-encryption key that protects the token service's Data Protection key ring (and so its signing keys and
    /// server secrets) at rest: a secret of at least 32 characters that never lives in PostgreSQL.
    /// </summary>
    public const string KeyEncryptionKey = TokensSection + ":KeyEncryption:Key";

    /// <summary>During a rotation, the key-encryption key being replaced: it still decrypts, never encrypts.</summary>
    public const string PreviousKeyEncryptionKey = TokensSection + ":KeyEncryption:PreviousKeys:0";

    /// <summary>Section of the token service's federation options (external issuers' tokens as client credentials).</summary>
    public const string FederationSection = TokensSection + ":Federation";

    /// <summary>Accept loopback <c>http://</c> issuers for federation: the AppHost sets it in run mode only.</summary>
    public const string FederationAllowLoopbackHttpIssuers = FederationSection + ":AllowLoopbackHttpIssuers";

    /// <summary>Section of the gateway's options.</summary>
    public const string GatewaySection = "Nhi:Gateway";

    /// <summary>Section of the inventory's options.</summary>
    public const string InventorySection = "Nhi:Inventory";

    /// <summary>Section of the inventory's finding rules and schedule.</summary>
    public const string FindingsSection = InventorySection + ":Findings";

    /// <summary>How often the inventory evaluates its findings (a TimeSpan: <c>00:05:00</c>).</summary>
    public const string FindingsInterval = FindingsSection + ":Interval";

    /// <summary>The dormant-identity window as a TimeSpan (<c>00:00:45</c>); wins over <c>DormantAfterDays</c>.</summary>
    public const string FindingsDormantAfter = FindingsSection + ":DormantAfter";

    /// <summary>The unused-scope observation window as a TimeSpan; wins over <c>ScopeObservationDays</c>.</summary>
    public const string FindingsScopeObservation = FindingsSection + ":ScopeObservation";

    /// <summary>OpenTelemetry's exporter endpoint; telemetry is exported only when it is set.</summary>
    public const string OtlpEndpoint = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>OpenTelemetry's service name.</summary>
    public const string OtelServiceName = "OTEL_SERVICE_NAME";

    /// <summary>Aspire's connection-string key for a resource: <c>ConnectionStrings:nhidb</c>.</summary>
    public static string ConnectionString(string resource) => $"ConnectionStrings:{resource}";

    /// <summary>Aspire's service-discovery key: <c>services:tokens:http:0</c>.</summary>
    public static string ServiceEndpoint(string resource, string endpointName = "http", int index = 0) =>
        $"services:{resource}:{endpointName}:{index}";

    /// <summary>The environment-variable spelling of a configuration key (<c>ConnectionStrings__nhidb</c>).</summary>
    public static string ToEnvironmentVariable(string key) => key.Replace(":", "__", StringComparison.Ordinal);
}
