using System.Globalization;

namespace NhiPlatform.Inventory.Findings;

/// <summary>A finding window as people read it in a title: "30 days" in production, "45 seconds" in the demo.</summary>
internal static class FindingWindowText
{
    public static string Describe(TimeSpan window) =>
        window.Ticks % TimeSpan.TicksPerDay == 0 ? Count(window.TotalDays, "day")
        : window.Ticks % TimeSpan.TicksPerHour == 0 ? Count(window.TotalHours, "hour")
        : window.Ticks % TimeSpan.TicksPerMinute == 0 ? Count(window.TotalMinutes, "minute")
        : Count(Math.Round(window.TotalSeconds), "second");

    private static string Count(double value, string unit) =>
        string.Create(CultureInfo.InvariantCulture, $"{value:0} {unit}{(value == 1 ? string.Empty : "s")}");
}
