using System.Diagnostics;
using System.Text;

namespace Bot.Tests.EndToEnd;

/// <summary>The real program (Bot.dll) as a child process, configured through environment variables like a deployment,
/// for what only a process shows: its exit code, its console output, and what survives <see cref="KillAsync"/> (SIGKILL
/// on Linux, so no shutdown code runs). Its output is always read, so a full pipe never blocks the bridge.</summary>
public sealed partial class BridgeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly SemaphoreSlim lineArrived = new(0);

    private BridgeProcess(Process process)
    {
        this.process = process;
    }

    /// <summary>Everything written to stdout and stderr so far, in arrival order.</summary>
    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    public IReadOnlyList<string> Lines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    public bool HasExited => process.HasExited;

    /// <summary>The process id, for what only /proc shows (the files it has mapped).</summary>
    public int Id => process.Id;

    public static BridgeProcess Start(IReadOnlyDictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Bot.dll")])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        foreach (var (key, value) in environment)
        {
            if (value is null)
            {
                info.Environment.Remove(key);
            }
            else
            {
                info.Environment[key] = value;
            }
        }

        var bridge = new BridgeProcess(Process.Start(info) ?? throw new InvalidOperationException("The bridge did not start."));
        bridge.process.OutputDataReceived += (_, e) => bridge.Append(e.Data);
        bridge.process.ErrorDataReceived += (_, e) => bridge.Append(e.Data);
        bridge.process.BeginOutputReadLine();
        bridge.process.BeginErrorReadLine();
        return bridge;
    }

    /// <summary>Waits for the process to end by itself and returns its exit code.</summary>
    public async Task<int> ExitCodeAsync(TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        await process.WaitForExitAsync(timeout.Token);
        await process.WaitForExitAsync(); // also drains the redirected output
        return process.ExitCode;
    }

    /// <summary>Waits until the output so far satisfies the condition, or the process has ended, checking on every line.</summary>
    public async Task WaitForOutputAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan within)
    {
        using var timeout = new CancellationTokenSource(within);
        while (!condition(Lines) && !process.HasExited)
        {
            await lineArrived.WaitAsync(timeout.Token);
        }
    }

    /// <summary>SIGKILL, then waits until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
        }

        await process.WaitForExitAsync();
    }

    /// <summary>SIGTERM (what docker stop and systemd send): the host shuts down in order; returns its exit code.</summary>
    public async Task<int> TerminateAsync(TimeSpan within)
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("kill did not start."))
        {
            await kill.WaitForExitAsync();
        }

        return await ExitCodeAsync(within);
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }

        process.Dispose();
        lineArrived.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.Append(line).Append('\n');
            }

            lineArrived.Release();
        }
    }
}
