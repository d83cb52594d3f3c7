namespace NhiPlatform.Cli.Commands;

/// <summary>A query string from the parameters that have values.</summary>
internal static class QueryString
{
    public static string Of(params (string Name, string? Value)[] parameters)
    {
        var present = parameters.Where(p => !string.IsNullOrEmpty(p.Value))
            .Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value!)}")
            .ToArray();
        return present.Length == 0 ? string.Empty : "?" + string.Join('&', present);
    }
}
