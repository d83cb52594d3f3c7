return await NhiPlatform.Cli.NhiCommand.InvokeAsync(args);
