namespace NhiPlatform.Cli.Connection;

/// <summary>Where the platform is and who <c>nhi</c> acts as.</summary>
internal sealed record PlatformSettings(Uri Gateway, string ClientId, string ClientSecret);
