namespace NhiPlatform.ServiceDefaults.Queries;

/// <summary>An endpoint's query parameters, read by <see cref="QueryReader"/>, with what could not be read.</summary>
public interface IQueryParameters
{
    /// <summary>Parameter name to what is wrong with it; empty when every parameter was read.</summary>
    IReadOnlyDictionary<string, string[]> Problems { get; }
}
