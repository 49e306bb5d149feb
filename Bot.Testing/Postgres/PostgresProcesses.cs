using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Bot.Testing.Postgres;

/// <summary>Runs PostgreSQL's programs for the test server: as the <c>postgres</c> user when this process is root
/// (initdb refuses root), with a watchdog that stops the server once this process is gone.</summary>
internal static class PostgresProcesses
{
    /// <summary>A shell that outlives this process only to stop the server and remove its directory once this process
    /// is gone, however it ended (killed, crashed): no server is left behind.</summary>
    public static void StartWatchdog(string binaries, string data, string directory, bool asRoot)
    {
        var script = $"while [ -d /proc/{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)} ]; do sleep 1; done; "
            + $"'{Path.Combine(binaries, "pg_ctl")}' -D '{data}' -m immediate -w stop >/dev/null 2>&1; rm -rf '{directory}'";
        var start = new ProcessStartInfo(asRoot ? "runuser" : "sh") { UseShellExecute = false };
        foreach (var part in asRoot ? ["-u", "postgres", "--", "sh", "-c", script] : new[] { "-c", script })
        {
            start.ArgumentList.Add(part);
        }

        using var watchdog = Process.Start(start) ?? throw new InvalidOperationException("Could not start the PostgreSQL watchdog.");
    }

    public static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asRoot)
    {
        var start = new ProcessStartInfo(asRoot ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asRoot)
        {
            foreach (var part in new[] { "-u", "postgres", "--", program })
            {
                start.ArgumentList.Add(part);
            }
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await errors}{await output}");
        }
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
