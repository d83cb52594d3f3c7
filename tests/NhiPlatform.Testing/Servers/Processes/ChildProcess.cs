using System.ComponentModel;
using System.Diagnostics;

namespace NhiPlatform.Testing.Servers.Processes;

/// <summary>
/// A child process with its output forwarded line by line to a <see cref="ChildOutput"/>. It runs in a session of its
/// own (<c>setsid</c>, which execs in place, so the id is the program's): a terminal's Ctrl+C reaches only the
/// fixture, which then stops the children in order.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const string SetsidPath = "/usr/bin/setsid";
    private static readonly TimeSpan KillWait = TimeSpan.FromSeconds(5);
    private readonly Process _process;
    private readonly TimeProvider _timeProvider;
    private readonly Task _exited;

    private ChildProcess(Process process, ChildOutput output, ProcessRecord record, TimeProvider timeProvider)
    {
        _process = process;
        _timeProvider = timeProvider;
        Output = output;
        Record = record;
        _exited = process.WaitForExitAsync();
    }

    public string Name => Output.Name;

    public int Id => Record.ProcessId;

    public ProcessRecord Record { get; }

    public ChildOutput Output { get; }

    public bool HasExited => _exited.IsCompleted;

    /// <summary>Completes when the process has exited and its output is drained.</summary>
    public Task Exited => _exited;

    public int? ExitCode => HasExited ? _process.ExitCode : null;

    public static ChildProcess Start(ChildProcessSpec spec, ChildOutput output, TimeProvider timeProvider)
    {
        var startInfo = new ProcessStartInfo
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = spec.WorkingDirectory ?? string.Empty,
        };
        if (File.Exists(SetsidPath))
        {
            startInfo.FileName = SetsidPath;
            startInfo.ArgumentList.Add(spec.FileName);
        }
        else
        {
            startInfo.FileName = spec.FileName;
        }

        foreach (var argument in spec.Arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in spec.Environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, line) => Forward(output, line.Data);
        process.ErrorDataReceived += (_, line) => Forward(output, line.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new ServerStartException($"Cannot start {spec.Name} ({spec.FileName}): {ex.Message}", ex);
        }

        // Children never read the terminal.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        // The start time does not change across exec, so it identifies the child even before setsid has exec'd.
        var startTime = UnixProcess.TryDescribe(process.Id)?.StartTime ?? 0;
        var record = new ProcessRecord(process.Id, startTime, spec.StopSignal, spec.Name, spec.CommandMarker);
        return new ChildProcess(process, output, record, timeProvider);
    }

    /// <summary>Sends the graceful stop signal, then kills the process (and any children) after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (HasExited)
        {
            return;
        }

        UnixProcess.TrySignal(Id, Record.StopSignal);
        if (await WaitExitedAsync(grace))
        {
            return;
        }

        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }

        await WaitExitedAsync(KillWait);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(10));
        _process.Dispose();
        Output.Dispose();
    }

    private async Task<bool> WaitExitedAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource();
        var delay = Task.Delay(timeout, _timeProvider, cancellation.Token);
        var first = await Task.WhenAny(_exited, delay);
        await cancellation.CancelAsync();
        return first == _exited;
    }

    private static void Forward(ChildOutput output, string? line)
    {
        if (line is not null)
        {
            output.WriteLine(line);
        }
    }
}
