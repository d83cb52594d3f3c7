namespace NhiPlatform.Faults.Tests.Load;

/// <summary>A gateway replica's name and the journaling client aimed at it.</summary>
internal sealed record GatewayClient(string Name, HttpClient Http);
