using System.Diagnostics;
using System.Globalization;
using System.Text;
using NhiPlatform.Contracts.LocalRun;
using NhiPlatform.Testing;

namespace NhiPlatform.AppHost.Tests;

/// <summary>
/// ./run.sh as an operator uses it: it prints where everything is once the platform is healthy, and a SIGTERM (what
/// Ctrl+C or a service manager sends) or even a SIGKILL of the AppHost leaves no process behind within seconds.
/// </summary>
public sealed class RunScriptTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    [Fact]
    public async Task RunScript_Sigterm_StopsEverythingWithinTenSeconds()
    {
        using var state = await TemporaryDirectory.CreateAsync("run-sh", CancellationToken.None);
        using var run = StartRunScript(state.Path, out var output);
        await WaitForEndpointsAsync(run, state.Path, output);
        var started = PlatformProcesses(run.Id, state.Path);
        Assert.True(started.Count >= 9, $"Expected PostgreSQL, Redis and every service; found {Describe(started)}");
        Assert.Contains("NhiPlatform is running", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("dashboard", output.ToString(), StringComparison.Ordinal);
        // The README shows the banner an operator will see: the same rows, in the same order.
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryLayout.Root, "README.md"));
        var rows = BannerRows(output.ToString());
        Assert.Equal(["gateway", "operator page", "dashboard"], rows.Take(3));
        Assert.Equal(BannerRows(readme), rows);

        var stopping = Stopwatch.StartNew();
        Signal(run.Id, "TERM");
        var left = await WaitUntilGoneAsync(started, TimeSpan.FromSeconds(10));

        Assert.True(run.HasExited, $"./run.sh did not exit within 10 s of SIGTERM:\n{output}");
        Assert.True(left.Count == 0, $"Still running {stopping.Elapsed.TotalSeconds:0.0} s after SIGTERM: {Describe(left)}");
        Assert.False(File.Exists(Path.Combine(state.Path, EndpointsDocument.FileName)), "endpoints.json outlived the platform");
    }

    [Fact]
    public async Task RunScript_AppHostKilled_OrchestratorStopsEverything()
    {
        using var state = await TemporaryDirectory.CreateAsync("run-sh-kill", CancellationToken.None);
        using var run = StartRunScript(state.Path, out var output);
        await WaitForEndpointsAsync(run, state.Path, output);
        var started = PlatformProcesses(run.Id, state.Path);

        Signal(run.Id, "KILL");
        var left = await WaitUntilGoneAsync(started, TimeSpan.FromSeconds(20));

        Assert.True(left.Count == 0, $"Still running 20 s after the AppHost was killed: {Describe(left)}");
    }

    /// <summary>The names of the banner's rows ("  gateway            http://..." gives "gateway"), after its first line.</summary>
    private static List<string> BannerRows(string text)
    {
        var lines = text.Split('\n').Select(line => line.TrimEnd('\r')).ToList();
        var first = lines.FindIndex(line => line.StartsWith("NhiPlatform is running", StringComparison.Ordinal));
        Assert.True(first >= 0, $"No banner in:\n{text}");
        return [.. lines.Skip(first + 1)
            .TakeWhile(line => line.StartsWith("  ", StringComparison.Ordinal) && line.Trim().Length > 0)
            .Select(line => line.Trim().Split("  ", 2)[0])];
    }

    private static Process StartRunScript(string stateDirectory, out StringBuilder output)
    {
        var startInfo = new ProcessStartInfo("bash")
        {
            ArgumentList = { AppHostProcess.RunScript, "--no-build", "--state-dir", stateDirectory, "--gateway-port", "0", "--dashboard-port", FreePort() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        var process = Process.Start(startInfo)!;
        var captured = new StringBuilder();
        process.OutputDataReceived += (_, line) => { lock (captured) { captured.AppendLine(line.Data); } };
        process.ErrorDataReceived += (_, line) => { lock (captured) { captured.AppendLine(line.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        output = captured;
        return process;
    }

    private static async Task WaitForEndpointsAsync(Process run, string stateDirectory, StringBuilder output)
    {
        var file = Path.Combine(stateDirectory, EndpointsDocument.FileName);
        var waited = Stopwatch.StartNew();
        while (!File.Exists(file))
        {
            if (run.HasExited || waited.Elapsed > StartTimeout)
            {
                Signal(run.Id, "KILL");
                Assert.Fail($"./run.sh wrote no endpoints.json within {StartTimeout.TotalMinutes:0} min (exited: {run.HasExited}):\n{output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(250));
        }
    }

    /// <summary>
    /// The AppHost's process tree, the orchestrator it started (which watches the AppHost's pid), and every process
    /// whose command line names this run's state directory (PostgreSQL, Redis).
    /// </summary>
    private static Dictionary<int, string> PlatformProcesses(int appHost, string stateDirectory)
    {
        var all = new Dictionary<int, (int Parent, string CommandLine)>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                continue;
            }

            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var parent = int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1], CultureInfo.InvariantCulture);
                all[pid] = (parent, File.ReadAllText(Path.Combine(directory, "cmdline")).Replace('\0', ' ').Trim());
            }
            catch (IOException)
            {
                // Ended while read.
            }
        }

        var ours = new Dictionary<int, string>();
        var monitor = string.Create(CultureInfo.InvariantCulture, $"--monitor {appHost}");
        foreach (var (pid, (_, commandLine)) in all)
        {
            if (pid == appHost || commandLine.Contains(stateDirectory, StringComparison.Ordinal) || commandLine.Contains(monitor, StringComparison.Ordinal))
            {
                ours[pid] = commandLine;
            }
        }

        // Descendants of any of those (services under `dotnet run`, PostgreSQL's workers, DCP's controllers).
        for (var grew = true; grew;)
        {
            grew = false;
            foreach (var (pid, (parent, commandLine)) in all)
            {
                if (!ours.ContainsKey(pid) && ours.ContainsKey(parent))
                {
                    ours[pid] = commandLine;
                    grew = true;
                }
            }
        }

        return ours;
    }

    private static async Task<Dictionary<int, string>> WaitUntilGoneAsync(Dictionary<int, string> processes, TimeSpan timeout)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            var left = processes.Where(process => IsAlive(process.Key, process.Value)).ToDictionary();
            if (left.Count == 0 || waited.Elapsed > timeout)
            {
                return left;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(200));
        }
    }

    /// <summary>Alive and still the same program (a reused pid is not ours); a zombie has already stopped.</summary>
    private static bool IsAlive(int pid, string commandLine)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            if (stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z'))
            {
                return false;
            }

            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ').Trim() == commandLine;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal) =>
        Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();

    private static string Describe(Dictionary<int, string> processes) =>
        string.Join("; ", processes.Select(process => $"{process.Key} {process.Value[..Math.Min(process.Value.Length, 120)]}"));

    private static string FreePort() => NhiPlatform.Testing.Hosting.FreePorts.Next().ToString(CultureInfo.InvariantCulture);
}
