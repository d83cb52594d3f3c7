using NhiPlatform.LocalHost.Topology;

namespace NhiPlatform.LocalHost.Tests.Topology;

public sealed class ServiceEnvironmentTests
{
    private static readonly BackingConnections Backing = new(
        "Host=127.0.0.1;Port=5433;Username=postgres;Password=p;Database=nhidb", "127.0.0.1:6380", 5433, 6380);

    private static readonly TopologyPlan Plan = new()
    {
        Tokens = Service(ServiceProject.Tokens, "tokens", 7001),
        Inventory = Service(ServiceProject.Inventory, "inventory", 7002),
        Echo = Service(ServiceProject.Echo, "echo", 7003),
        Billing = Service(ServiceProject.Billing, "billing", 7006),
        SampleSeed = Service(ServiceProject.DemoTraffic, "samples-seed", 0),
        Orders = Service(ServiceProject.Orders, "orders", 7007),
        DemoTraffic = Service(ServiceProject.DemoTraffic, "demo-traffic", 7008),
        Gateways = [Service(ServiceProject.Gateway, "gateway", 5080), Service(ServiceProject.Gateway, "gateway-2", 7005)],
        BootstrapFile = "/repo/.nhi/bootstrap.json",
        SamplesCredentialsDirectory = "/repo/.nhi/samples",
        UsageSpillDirectory = "/repo/.nhi/data/usage-spill",
    };

    [Fact]
    public void For_Tokens_GetsDatabaseCacheIssuerAndBootstrapFile()
    {
        var environment = ServiceEnvironment.For(Plan.Tokens, Plan, Backing, otlpEndpoint: null);

        Assert.Equal("http://127.0.0.1:7001", environment["ASPNETCORE_URLS"]);
        Assert.Equal("tokens", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal(Backing.Database, environment["ConnectionStrings__nhidb"]);
        Assert.Equal("127.0.0.1:6380", environment["ConnectionStrings__cache"]);
        Assert.Equal("http://127.0.0.1:5080", environment["Nhi__Issuer"]);
        Assert.Equal("/repo/.nhi/bootstrap.json", environment["Nhi__Bootstrap__CredentialsFile"]);
        Assert.Equal("simple", environment["Logging__Console__FormatterName"]);
        Assert.Equal("true", environment["Logging__Console__FormatterOptions__SingleLine"]);
        Assert.False(environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void For_Inventory_DiscoversTokens()
    {
        var environment = ServiceEnvironment.For(Plan.Inventory, Plan, Backing, otlpEndpoint: "http://127.0.0.1:4317");

        Assert.Equal(Backing.Database, environment["ConnectionStrings__nhidb"]);
        Assert.Equal("127.0.0.1:6380", environment["ConnectionStrings__cache"]);
        Assert.Equal("http://127.0.0.1:7001", environment["services__tokens__http__0"]);
        Assert.Equal("http://127.0.0.1:5080", environment["Nhi__Issuer"]);
        Assert.Equal("http://127.0.0.1:4317", environment["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        Assert.False(environment.ContainsKey("Nhi__Bootstrap__CredentialsFile"));
    }

    [Fact]
    public void For_Echo_GetsOnlyTheCommonSettings()
    {
        var environment = ServiceEnvironment.For(Plan.Echo, Plan, Backing, otlpEndpoint: null);

        Assert.Equal(
            ["ASPNETCORE_URLS", "Logging__Console__FormatterName", "Logging__Console__FormatterOptions__SingleLine", "OTEL_SERVICE_NAME"],
            environment.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void For_GatewayReplica_DiscoversEveryServiceAndSharesTheIssuer()
    {
        var environment = ServiceEnvironment.For(Plan.Gateways[1], Plan, Backing, otlpEndpoint: null);

        Assert.Equal("http://127.0.0.1:7005", environment["ASPNETCORE_URLS"]);
        Assert.Equal("gateway", environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("127.0.0.1:6380", environment["ConnectionStrings__cache"]);
        Assert.Equal("http://127.0.0.1:7001", environment["services__tokens__http__0"]);
        Assert.Equal("http://127.0.0.1:7002", environment["services__inventory__http__0"]);
        Assert.Equal("http://127.0.0.1:7003", environment["services__echo__http__0"]);
        Assert.Equal("http://127.0.0.1:7006", environment["services__billing__http__0"]);
        Assert.Equal("http://127.0.0.1:7007", environment["services__orders__http__0"]);
        Assert.Equal("/repo/.nhi/data/usage-spill", environment["Nhi__Gateway__Usage__SpillDirectory"]);
        Assert.Equal("http://127.0.0.1:5080", environment["Nhi__Issuer"]);
        Assert.False(environment.ContainsKey("ConnectionStrings__nhidb"));
    }

    [Fact]
    public void For_Orders_GetsTheGatewayAndItsOwnCredentialsFileOnly()
    {
        var environment = ServiceEnvironment.For(Plan.Orders, Plan, Backing, otlpEndpoint: null);

        Assert.Equal("http://127.0.0.1:5080", environment["Nhi__Issuer"]);
        Assert.Equal("/repo/.nhi/samples/orders.json", environment["Nhi__Samples__CredentialsFile"]);
        Assert.False(environment.ContainsKey("Nhi__Bootstrap__CredentialsFile"));
        Assert.False(environment.ContainsKey("ConnectionStrings__cache"));
    }

    [Fact]
    public void For_DemoTraffic_GetsTheSamplesDirectoryAndTheAdminFileToSeed()
    {
        var environment = ServiceEnvironment.For(Plan.SampleSeed, Plan, Backing, otlpEndpoint: null);

        Assert.Equal("/repo/.nhi/samples", environment["Nhi__Samples__CredentialsDirectory"]);
        Assert.Equal("/repo/.nhi/bootstrap.json", environment["Nhi__Bootstrap__CredentialsFile"]);
        Assert.Equal("http://127.0.0.1:5080", environment["Nhi__Issuer"]);
    }

    [Fact]
    public void For_InventoryWithDemo_GetsSecondsLongFindingWindows()
    {
        var environment = ServiceEnvironment.For(Plan.Inventory, Plan, Backing, otlpEndpoint: null);

        Assert.Equal("00:00:45", environment["Nhi__Inventory__Findings__DormantAfter"]);
        Assert.Equal("00:00:30", environment["Nhi__Inventory__Findings__ScopeObservation"]);
        Assert.Equal("00:00:10", environment["Nhi__Inventory__Findings__Interval"]);
    }

    [Fact]
    public void For_InventoryWithoutDemo_KeepsTheDefaultWindows()
    {
        var plan = Plan with { DemoTraffic = null };

        var environment = ServiceEnvironment.For(plan.Inventory, plan, Backing, otlpEndpoint: null);

        Assert.DoesNotContain(environment.Keys, key => key.StartsWith("Nhi__Inventory__Findings__", StringComparison.Ordinal));
    }

    private static PlannedService Service(ServiceProject project, string name, int port) => new()
    {
        Name = name,
        Project = project,
        Port = port,
        AssemblyPath = "/repo/" + project.AssemblyName + ".dll",
    };
}
