namespace NhiPlatform.Faults.Tests.Load;

/// <summary>What a load request is, and so what the gateway must answer.</summary>
internal enum LoadRequestKind
{
    Valid,
    NoToken,
    WrongScope,
    UnknownRoute,
}
