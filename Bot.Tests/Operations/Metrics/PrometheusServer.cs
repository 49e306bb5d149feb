using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Bot.Testing;

namespace Bot.Tests.Operations.Metrics;

/// <summary>A real Prometheus (Debian package "prometheus") on 127.0.0.1 and a free port, scraping one target every
/// second into a temporary storage directory; stopped by its process id and its directory removed on dispose.</summary>
public sealed class PrometheusServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly string directory;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> log = new();

    private PrometheusServer(Process process, string directory, Uri baseAddress)
    {
        this.process = process;
        this.directory = directory;
        Http = new HttpClient { BaseAddress = baseAddress };
    }

    public HttpClient Http { get; }

    /// <param name="target">host:port of the /metrics endpoint, scraped as job <paramref name="job"/>.</param>
    public static async Task<PrometheusServer> StartAsync(string job, string target, TimeSpan timeout)
    {
        var binary = ExternalTool.Require("prometheus");
        var directory = Directory.CreateTempSubdirectory("bridge-prometheus-").FullName;
        var config = Path.Combine(directory, "prometheus.yml");
        await File.WriteAllTextAsync(config, $"""
            global:
              scrape_interval: 1s
              scrape_timeout: 1s
              evaluation_interval: 1s
            scrape_configs:
              - job_name: {job}
                static_configs:
                  - targets: ["{target}"]
            """);
        var port = FreePort();
        var info = new ProcessStartInfo(binary,
        [
            $"--config.file={config}",
            $"--storage.tsdb.path={Path.Combine(directory, "data")}",
            $"--web.listen-address=127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}",
            "--log.level=warn",
        ])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = directory,
        };
        var process = Process.Start(info) ?? throw new InvalidOperationException("prometheus did not start.");
        var server = new PrometheusServer(process, directory, new Uri($"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}/"));
        process.OutputDataReceived += (_, e) => server.Log(e.Data);
        process.ErrorDataReceived += (_, e) => server.Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await server.WaitReadyAsync(timeout);
        return server;
    }

    /// <summary>An instant query through /api/v1/query: the "result" array; fails on any error Prometheus reports.</summary>
    public async Task<JsonElement> QueryAsync(string promql)
    {
        using var response = await Http.GetAsync(new Uri($"api/v1/query?query={Uri.EscapeDataString(promql)}", UriKind.Relative));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
        if (response.StatusCode != HttpStatusCode.OK || body.GetProperty("status").GetString() != "success")
        {
            throw new InvalidOperationException($"Prometheus refused {promql}: {body}");
        }

        return body.GetProperty("data").GetProperty("result");
    }

    /// <summary>The sample values of an instant vector result.</summary>
    public static IReadOnlyList<double> Values(JsonElement result) =>
        result.EnumerateArray().Select(s => double.Parse(s.GetProperty("value")[1].GetString()!, CultureInfo.InvariantCulture)).ToList();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary directory left behind is harmless.
        }
    }

    private void Log(string? line)
    {
        if (line is not null)
        {
            log.Enqueue(line);
        }
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    private Task WaitReadyAsync(TimeSpan timeout) =>
        Eventually.TrueAsync(
            async () =>
            {
                Assert.False(process.HasExited, $"prometheus stopped: {string.Join('\n', log)}");
                try
                {
                    using var response = await Http.GetAsync(new Uri("-/ready", UriKind.Relative));
                    return response.IsSuccessStatusCode;
                }
                catch (HttpRequestException)
                {
                    return false; // Not listening yet.
                }
            },
            timeout,
            () => $"prometheus to become ready: {string.Join('\n', log)}");
}
