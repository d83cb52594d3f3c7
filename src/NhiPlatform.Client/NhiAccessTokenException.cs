namespace NhiPlatform.Client;

/// <summary>The platform refused to issue a token; <see cref="Error"/> is the RFC 6749 code (e.g. <c>invalid_client</c>).</summary>
public sealed class NhiAccessTokenException(string error, string? description, int? statusCode)
    : Exception($"The token request failed: {error}{(description is null ? string.Empty : $" ({description})")}.")
{
    public string Error { get; } = error;
    public string? ErrorDescription { get; } = description;
    public int? StatusCode { get; } = statusCode;
}
