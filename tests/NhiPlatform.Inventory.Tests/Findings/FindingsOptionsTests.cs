using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NhiPlatform.Contracts;
using NhiPlatform.Inventory.Findings;

namespace NhiPlatform.Inventory.Tests.Findings;

/// <summary>The finding windows as the inventory binds them: the Contracts keys, the day defaults, the TimeSpan overrides.</summary>
public sealed class FindingsOptionsTests
{
    [Fact]
    public void Bind_NothingConfigured_KeepsTheDayDefaults()
    {
        var options = Bind([]);

        Assert.Null(options.DormantAfter);
        Assert.Null(options.ScopeObservation);
        Assert.Equal(TimeSpan.FromDays(30), options.DormantWindow);
        Assert.Equal(TimeSpan.FromDays(14), options.ScopeObservationWindow);
        Assert.Equal(TimeSpan.FromMinutes(5), options.Interval);
    }

    [Fact]
    public void Bind_DaysOnly_UsesTheDays()
    {
        var options = Bind(new() { [$"{NhiConfigurationKeys.FindingsSection}:DormantAfterDays"] = "7", [$"{NhiConfigurationKeys.FindingsSection}:ScopeObservationDays"] = "3" });

        Assert.Equal(TimeSpan.FromDays(7), options.DormantWindow);
        Assert.Equal(TimeSpan.FromDays(3), options.ScopeObservationWindow);
    }

    [Fact]
    public void Bind_TimeSpanAndDays_TimeSpanWins()
    {
        var options = Bind(new()
        {
            [$"{NhiConfigurationKeys.FindingsSection}:DormantAfterDays"] = "7",
            [NhiConfigurationKeys.FindingsDormantAfter] = "00:00:45",
            [$"{NhiConfigurationKeys.FindingsSection}:ScopeObservationDays"] = "3",
            [NhiConfigurationKeys.FindingsScopeObservation] = "00:00:30",
            [NhiConfigurationKeys.FindingsInterval] = "00:00:10",
        });

        Assert.Equal(TimeSpan.FromSeconds(45), options.DormantWindow);
        Assert.Equal(TimeSpan.FromSeconds(30), options.ScopeObservationWindow);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Interval);
    }

    [Theory]
    [InlineData(NhiConfigurationKeys.FindingsDormantAfter, "00:00:00")]
    [InlineData(NhiConfigurationKeys.FindingsDormantAfter, "-00:00:45")]
    [InlineData(NhiConfigurationKeys.FindingsScopeObservation, "00:00:00")]
    [InlineData(NhiConfigurationKeys.FindingsScopeObservation, "-1.00:00:00")]
    [InlineData(NhiConfigurationKeys.FindingsInterval, "00:00:00")]
    public void Bind_ZeroOrNegativeWindow_FailsValidation(string key, string value)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Bind(new() { [key] = value }));

        Assert.Contains(key[(key.LastIndexOf(':') + 1)..], failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WindowThatIsNotATimeSpan_IsRejected()
    {
        Assert.Throws<InvalidOperationException>(() => Bind(new() { [NhiConfigurationKeys.FindingsDormantAfter] = "45 seconds" }));
    }

    [Theory]
    [InlineData("30.00:00:00", "30 days")]
    [InlineData("1.00:00:00", "1 day")]
    [InlineData("02:00:00", "2 hours")]
    [InlineData("00:01:00", "1 minute")]
    [InlineData("00:00:45", "45 seconds")]
    [InlineData("00:01:30", "90 seconds")]
    public void Describe_Window_ReadsAsPeopleSayIt(string window, string expected)
    {
        Assert.Equal(expected, FindingWindowText.Describe(TimeSpan.Parse(window, System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>Binds and validates as the inventory does (data annotations, at first use).</summary>
    private static FindingsOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddOptions<FindingsOptions>().BindConfiguration(NhiConfigurationKeys.FindingsSection).ValidateDataAnnotations().Services
            .BuildServiceProvider();
        return provider.GetRequiredService<IOptions<FindingsOptions>>().Value;
    }
}
