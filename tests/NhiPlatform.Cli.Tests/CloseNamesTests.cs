using NhiPlatform.Cli.Output;

namespace NhiPlatform.Cli.Tests;

/// <summary>"Did you mean": close names by edit distance or containment, nothing for names far from all.</summary>
public sealed class CloseNamesTests
{
    private static readonly string[] Known = ["echo", "billing", "orders", "orders-payments", "inventory"];

    [Theory]
    [InlineData("ehco", "echo")]
    [InlineData("echo.raed", "echo")]
    [InlineData("biling", "billing")]
    [InlineData("order", "orders")]
    public void Suggest_FindsTheCloseName(string typo, string expected) =>
        Assert.Equal(expected, CloseNames.Suggest(typo, Known)[0]);

    [Fact]
    public void Unknown_FarFromAll_ListsWhatIsKnown()
    {
        Assert.Empty(CloseNames.Suggest("zzzzzz", Known));
        Assert.Equal("No service named 'zzzzzz'. Known: billing, echo, inventory, orders, orders-payments.",
            CloseNames.Unknown("service", "zzzzzz", Known));
        Assert.Equal("No service named 'ehco'. Did you mean: echo?", CloseNames.Unknown("service", "ehco", Known));
    }
}
