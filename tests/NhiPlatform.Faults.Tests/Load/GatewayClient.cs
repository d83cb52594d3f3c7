namespace NhiPlatform.Faults.Tests.Load;

/// <summary>What a journaling client is aimed at (the gateway's public address, or one replica's instance id) and the client.</summary>
internal sealed record GatewayClient(string Name, HttpClient Http);
