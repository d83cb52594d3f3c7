using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.LocalHost.LocalRun;
using NhiPlatform.LocalHost.Processes;
using NhiPlatform.LocalHost.Topology;

namespace NhiPlatform.Testing;

/// <summary>
/// The LocalHost run as a process, the way ./run.sh runs it (<c>dotnet NhiPlatform.LocalHost.dll</c>), against a
/// state directory of the test's own. Its output is captured for assertion messages; dispose stops it (SIGTERM,
/// then SIGKILL of it and every child it recorded).
/// </summary>
public sealed class LocalHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly Task _exited;
    private readonly ProcessRecord _record;

    private LocalHostProcess(Process process, string stateDirectory, ProcessRecord record)
    {
        _process = process;
        _record = record;
        StateDirectory = stateDirectory;
        _exited = process.WaitForExitAsync();
    }

    public string StateDirectory { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _exited.IsCompleted;

    /// <summary>Everything it printed so far (stdout and stderr interleaved).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the built LocalHost with <c>--state-dir</c> = <paramref name="directory"/> and further arguments.</summary>
    public static LocalHostProcess Start(TemporaryDirectory directory, params string[] arguments)
    {
        if (!File.Exists(RepositoryLayout.LocalHostAssemblyPath))
        {
            throw new InvalidOperationException(
                $"{RepositoryLayout.LocalHostAssemblyPath} is missing: build first (./test.sh builds everything).");
        }

        var startInfo = new ProcessStartInfo(DotnetHost.FileName)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        string[] all = [RepositoryLayout.LocalHostAssemblyPath, "--state-dir", directory.Path, .. arguments];
        foreach (var argument in all)
        {
            startInfo.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = startInfo };
        process.Start();
        process.StandardInput.Close();
        var identity = UnixProcess.TryDescribe(process.Id);
        var record = new ProcessRecord(
            process.Id, identity?.StartTime ?? 0, UnixProcess.SigTerm, "localhost", RepositoryLayout.LocalHostAssemblyPath);
        new PidFile(directory.PidFilePath).Add(record);

        var host = new LocalHostProcess(process, directory.Path, record);
        process.OutputDataReceived += (_, line) => host.Append(line.Data);
        process.ErrorDataReceived += (_, line) => host.Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Waits for <c>endpoints.json</c> (written once everything is healthy) and reads it.</summary>
    public async Task<EndpointsDocument> WaitForEndpointsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var file = Path.Combine(StateDirectory, EndpointsDocument.FileName);
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (!File.Exists(file))
        {
            if (HasExited)
            {
                throw new InvalidOperationException(
                    $"The LocalHost exited with code {_process.ExitCode} before writing endpoints.json:{Environment.NewLine}{Output}");
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"The LocalHost wrote no endpoints.json within {timeout.TotalSeconds:0} s:{Environment.NewLine}{Output}");
            }

            await Task.Delay(PollInterval, cancellationToken);
        }

        await using var stream = File.OpenRead(file);
        return await JsonSerializer.DeserializeAsync(stream, LocalRunJsonContext.Default.EndpointsDocument, cancellationToken)
            ?? throw new InvalidOperationException("endpoints.json is empty.");
    }

    /// <summary>The children it has recorded in <c>run/pids</c> (read it before stopping: the LocalHost deletes it).</summary>
    public IReadOnlyList<LocalHostChild> ReadChildren()
    {
        var paths = LocalRunPaths.Create(RepositoryLayout.Root, StateDirectory, dataDirectory: null);
        return new PidFile(paths.PidFile).ReadLeftovers()
            .Select(record => new LocalHostChild(record.ProcessId, record.Name, record.StartTime))
            .ToList();
    }

    /// <summary>Sends SIGTERM (what Ctrl+C or a service manager does) and returns the exit code.</summary>
    public async Task<int> StopAsync(TimeSpan timeout)
    {
        UnixProcess.TrySignal(_process.Id, UnixProcess.SigTerm);
        return await WaitForExitAsync(timeout);
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        await _exited.WaitAsync(timeout);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!HasExited)
        {
            try
            {
                await StopAsync(TimeSpan.FromSeconds(30));
            }
            catch (TimeoutException)
            {
                var children = ReadChildren();
                _process.Kill(entireProcessTree: true);
                foreach (var child in children.Where(child => child.IsAlive()))
                {
                    UnixProcess.TrySignal(child.ProcessId, UnixProcess.SigKill);
                }
            }
        }

        _process.Dispose();
        var cleaner = new PidFile(Path.Combine(StateDirectory, TemporaryDirectory.PidFileName));
        cleaner.Remove(_record.ProcessId);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
