namespace NhiPlatform.Samples.Echo.Apis;

/// <summary>What the echo service saw. The Authorization header's value is never echoed, only whether it arrived.</summary>
internal sealed record EchoResponse
{
    public required string Method { get; init; }
    public required string Path { get; init; }
    public required string Query { get; init; }
    public required EchoIdentity Identity { get; init; }
    public required IReadOnlyDictionary<string, string> Headers { get; init; }
    public required bool AuthorizationForwarded { get; init; }
}
