using System.CommandLine;

namespace NhiPlatform.Cli.Commands;

/// <summary>Runs a command's work and turns expected failures into a message and an exit code, never a stack trace.</summary>
internal static class CommandAction
{
    public static void Set(Command command, Func<ParseResult, CancellationToken, Task<int>> action) =>
        command.SetAction(async (result, cancellationToken) =>
        {
            try
            {
                return await action(result, cancellationToken);
            }
            catch (CliException exception)
            {
                await Console.Error.WriteLineAsync($"nhi: {exception.Message}");
                return exception.ExitCode;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Error;
            }
        });
}
