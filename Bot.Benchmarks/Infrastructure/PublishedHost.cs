using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>The bridge as it ships: the host published the way the Dockerfile publishes it (<c>dotnet publish -c
/// Release</c>, with what Bot.csproj sets for publishing, ReadyToRun among it), started as its own process with
/// <c>dotnet Bot.dll</c> and configured only through environment variables. <c>BENCH_PUBLISHED</c> names a directory
/// already published this way; otherwise the host is published into a temporary directory first.</summary>
public static class PublishedHost
{
    /// <summary>The directory holding the published Bot.dll.</summary>
    public static async Task<string> EnsurePublishedAsync()
    {
        if (Environment.GetEnvironmentVariable("BENCH_PUBLISHED") is { Length: > 0 } given)
        {
            return File.Exists(Path.Combine(given, "Bot.dll"))
                ? given
                : throw new InvalidOperationException($"BENCH_PUBLISHED={given} holds no Bot.dll: publish the host there first (dotnet publish Bot/Bot.csproj -c Release -o {given}).");
        }

        var output = Directory.CreateTempSubdirectory("bridge-published-").FullName;
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "publish", Path.Combine(RepositoryRoot(), "Bot", "Bot.csproj"), "-c", "Release", "-o", output, "-nologo" })
        {
            start.ArgumentList.Add(argument);
        }

        using var publish = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet publish.");
        var log = publish.StandardOutput.ReadToEndAsync();
        var errors = await publish.StandardError.ReadToEndAsync();
        await publish.WaitForExitAsync();
        return publish.ExitCode == 0 ? output : throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}):\n{await log}\n{errors}");
    }

    /// <summary>Starts <c>dotnet Bot.dll</c> from <paramref name="published"/> with these settings (and nothing of this
    /// process's environment that would change the runtime: DOTNET_ variables are removed).</summary>
    public static Process Start(string published, IReadOnlyDictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = published,
        };
        start.ArgumentList.Add(Path.Combine(published, "Bot.dll"));
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("DOTNET_", StringComparison.Ordinal) && k != "DOTNET_ROOT").ToList())
        {
            start.Environment.Remove(name);
        }

        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the published host.");
        // Drained so the host never blocks on a full pipe.
        _ = process.StandardOutput.ReadToEndAsync();
        _ = process.StandardError.ReadToEndAsync();
        return process;
    }

    /// <summary>A port free now on 127.0.0.1, for the host's <c>Urls</c>.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The resident set of another process (VmRSS), in bytes.</summary>
    public static long ResidentBytes(int pid)
    {
        var line = File.ReadAllLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return long.Parse(line.Split(':')[1].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture) * 1024;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Bot.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Bot.sln not found above the benchmark's directory: set BENCH_PUBLISHED to a published host.");
    }
}
