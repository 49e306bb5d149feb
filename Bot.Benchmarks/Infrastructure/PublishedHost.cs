using System.Diagnostics;
using System.Globalization;
using Bot.Testing.AliExpress;
using Bot.Testing.BotApi;
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
    public static Task<string> EnsurePublishedAsync() => Published.Value;

    private static readonly Lazy<Task<string>> Published = new(PublishAsync);

    private static async Task<string> PublishAsync()
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
    /// <param name="line">Receives each line the host writes (its log), as it comes.</param>
    public static Process Start(string published, IReadOnlyDictionary<string, string> settings, Action<string>? line = null)
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

        // BENCH_HOST_ENV="DOTNET_X=1 DOTNET_Y=0" tries runtime settings on the published host (not what ships).
        foreach (var pair in (Environment.GetEnvironmentVariable("BENCH_HOST_ENV") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (pair.Split('=', 2)[0], pair.Split('=', 2)[^1]);
            start.Environment[name] = value;
        }

        var process = new Process { StartInfo = start };
        // Read as it comes, so the host never blocks on a full pipe.
        process.OutputDataReceived += (_, e) => ReceiveLine(e.Data, line);
        process.ErrorDataReceived += (_, e) => ReceiveLine(e.Data, line);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Waits for the host's first /readyz 200, asking again after a refused connection or an answer that
    /// took longer than the client's timeout (the first request is compiled while it runs: seconds on a loaded
    /// machine); fails when the host exits or is not ready within three minutes. How long it took is the caller's
    /// figure.</summary>
    public static async Task WaitReadyAsync(Process host, HttpClient client, Stopwatch clock)
    {
        while (!await ReadyAsync(client))
        {
            if (host.HasExited || clock.Elapsed > ReadyBound)
            {
                throw new InvalidOperationException($"The published host was not ready within {ReadyBound.TotalSeconds:N0} s (exited: {host.HasExited}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    /// <summary>The operator's minimum (token, staff group, the marketplace account) plus the fakes' addresses.</summary>
    public static Dictionary<string, string> Settings(FakeTelegramServer telegram, FakeAliExpressServer aliexpress, string database) => new()
    {
        ["Telegram__BotToken"] = telegram.Token,
        ["Telegram__StaffChatId"] = BenchCore.StaffChatId.ToString(CultureInfo.InvariantCulture),
        ["Telegram__ApiBaseUrl"] = telegram.BaseUrl,
        ["ConnectionStrings__Bridge"] = $"Data Source={database}",
        ["Urls"] = $"http://127.0.0.1:{FreePort().ToString(CultureInfo.InvariantCulture)}",
        ["Marketplace__AliExpress__GatewayUrl"] = aliexpress.BaseUrl,
        ["Marketplace__AliExpress__AppKey"] = aliexpress.AppKey,
        ["Marketplace__AliExpress__AppSecret"] = aliexpress.AppSecret,
        ["Marketplace__AliExpress__AccessToken"] = aliexpress.AccessToken,
        ["Marketplace__AliExpress__SellerLoginId"] = aliexpress.SellerLoginId,
    };

    /// <summary>Processor time the process has used so far (user and system, from /proc/pid/stat).</summary>
    public static TimeSpan ProcessorTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        // Fields 14 and 15 of stat (utime, stime), counted from the state (field 3), in clock ticks of 1/100 s.
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / 100.0);
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

    private static readonly TimeSpan ReadyBound = TimeSpan.FromMinutes(3);

    private static async Task<bool> ReadyAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false; // not listening yet
        }
        catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
        {
            return false; // no answer within the client's timeout yet
        }
    }

    private static void ReceiveLine(string? data, Action<string>? line)
    {
        if (data is not null)
        {
            line?.Invoke(data);
        }
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
