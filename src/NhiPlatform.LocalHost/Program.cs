using NhiPlatform.LocalHost.Cli;

return await LocalHostCommand.InvokeAsync(args);
