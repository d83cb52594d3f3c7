using System.Net;

namespace NhiPlatform.Faults.Tests.Load;

/// <summary>The mix of load requests and the answer each kind must get.</summary>
internal static class LoadRequestKinds
{
    /// <summary>Mostly valid calls, one in twenty of each denial: denials must reach the ledger like everything else.</summary>
    public static LoadRequestKind ForSequence(long sequence) => (sequence % 20) switch
    {
        0 => LoadRequestKind.NoToken,
        7 => LoadRequestKind.WrongScope,
        13 => LoadRequestKind.UnknownRoute,
        _ => LoadRequestKind.Valid,
    };

    public static HttpStatusCode ExpectedStatus(this LoadRequestKind kind) => kind switch
    {
        LoadRequestKind.Valid => HttpStatusCode.OK,
        LoadRequestKind.NoToken => HttpStatusCode.Unauthorized,
        LoadRequestKind.WrongScope => HttpStatusCode.Forbidden,
        _ => HttpStatusCode.NotFound,
    };
}
