using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Bot.Core.Postgres;
using Bot.Core.Sqlite;
using Bot.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Bot.Testing.Postgres;

/// <summary>A throw-away PostgreSQL server for one test run: initdb into a temporary directory, listening on
/// 127.0.0.1 on a free port, no durability (fsync off: the data dies with the run), started on first use and stopped
/// (pg_ctl stop) when the process exits. initdb refuses to run as root, so as root the server runs as the
/// <c>postgres</c> user the Debian package creates. Each test gets its own database, copied from a migrated template.</summary>
public sealed class PostgresServer
{
    private const string User = "bridge";
    private const string Template = "bridge_template";
    private static readonly Lazy<Task<PostgresServer>> SharedServer = new(StartAsync);
    private static int databases;

    private readonly string directory;
    private readonly int port;
    private static readonly SemaphoreSlim Creating = new(1, 1);

    private PostgresServer(string directory, int port)
    {
        this.directory = directory;
        this.port = port;
    }

    /// <summary>The run's server, started on first use; throws with <see cref="PostgresBinaries.Missing"/> where
    /// PostgreSQL is not installed.</summary>
    public static Task<PostgresServer> SharedAsync() => SharedServer.Value;

    /// <summary>How long the run's server took to start, with its template database migrated.</summary>
    public static TimeSpan StartTime { get; private set; }

    /// <summary>A connection string to a new database with every migration applied.</summary>
    public static async Task<string> CreateDatabaseAsync() => await (await SharedAsync()).CreateAsync();

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={User};Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30";

    private async Task<string> CreateAsync()
    {
        var name = "bridge_" + Interlocked.Increment(ref databases).ToString(CultureInfo.InvariantCulture);
        await Creating.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {Template}", admin);
            await create.ExecuteNonQueryAsync();
        }
        finally
        {
            Creating.Release();
        }

        return ConnectionString(name);
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var binaries = PostgresBinaries.Directory ?? throw new InvalidOperationException(PostgresBinaries.Missing);
        var clock = Stopwatch.StartNew();
        var directory = System.IO.Directory.CreateTempSubdirectory("bridge-pg-").FullName;
        var data = Path.Combine(directory, "data");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await RunAsync("chown", ["postgres:", directory], asRoot: false);
        }

        await RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "-N"], asRoot);
        var port = FreePort();
        var server = new PostgresServer(directory, port);
        var options = $"-h 127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {data} -F -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=300";
        await RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(binaries, data, asRoot);
        StartWatchdog(binaries, data, directory, asRoot);
        await server.MigrateTemplateAsync();
        StartTime = clock.Elapsed;
        return server;
    }

    private async Task MigrateTemplateAsync()
    {
        await using (var admin = new NpgsqlConnection(ConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {Template}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Bridge"] = ConnectionString(Template) + ";Pooling=false" })
            .Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddSingleton(TimeProvider.System);
        services.AddStorage().AddSqliteStorage().AddPostgresStorage();
        await using var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<IMigrationRunner>().ApplyAsync(CancellationToken.None);
    }

    private void Stop(string binaries, string data, bool asRoot)
    {
        try
        {
            // The watchdog removes the directory once this process is gone.
            RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The run is ending: a server that would not stop is reported on stderr; the watchdog tries again.
            Console.Error.WriteLine($"The test PostgreSQL server in {directory} could not be stopped: {e.Message}");
        }
    }

    /// <summary>A shell that outlives this process only to stop the server and remove its directory once this process
    /// is gone, however it ended (killed, crashed): no server is left behind.</summary>
    private static void StartWatchdog(string binaries, string data, string directory, bool asRoot)
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

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asRoot)
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
