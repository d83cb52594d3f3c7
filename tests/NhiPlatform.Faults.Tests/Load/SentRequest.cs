using System.Net;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>
/// One request the suite sent to a gateway replica: the status it got, or none (<see cref="Status"/> null: refused,
/// reset or timed out, so the gateway may or may not have seen it). <see cref="Expected"/> is set for load requests,
/// whose answer is known in advance.
/// </summary>
internal sealed record SentRequest(string Phase, string Replica, string Method, string Path, int? Status, HttpStatusCode? Expected, string? Error)
{
    public bool Answered => Status is not null;

    public bool Unexpected => Answered && Expected is { } expected && Status != (int)expected;
}
