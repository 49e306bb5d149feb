using System.Diagnostics;
using System.Globalization;
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

    /// <summary>The server's data directory (its <c>postmaster.pid</c> names the server process).</summary>
    public string DataDirectory => Path.Combine(directory, "data");

    /// <summary>How long the run's server took to start, with its template database migrated.</summary>
    public static TimeSpan StartTime { get; private set; }

    /// <summary>A connection string to a new database with every migration applied.</summary>
    public static async Task<string> CreateDatabaseAsync() => await (await SharedAsync()).CreateAsync(Template);

    /// <summary>A connection string to a new database without any table (what a new deployment starts from).</summary>
    public static async Task<string> CreateEmptyDatabaseAsync() => await (await SharedAsync()).CreateAsync("template0");

    private static readonly Dictionary<string, Task<string>> ByKey = [];

    /// <summary>The database that stands for <paramref name="key"/> (a test's SQLite path): new on first use, the same
    /// one after, so a test that restarts its bridge on the same file finds its data on PostgreSQL too.</summary>
    public static Task<string> DatabaseForAsync(string key)
    {
        lock (ByKey)
        {
            if (!ByKey.TryGetValue(key, out var database))
            {
                database = CreateDatabaseAsync();
                ByKey[key] = database;
            }

            return database;
        }
    }

    /// <summary>Whether the run puts the tests' bridges on PostgreSQL (<c>BRIDGE_TEST_DATABASE=postgres</c>) where they name no database of their own.</summary>
    public static bool UnderTest =>
        string.Equals(Environment.GetEnvironmentVariable("BRIDGE_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    private string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={port.ToString(CultureInfo.InvariantCulture)};Username={User};Database={database};Pooling=true;Maximum Pool Size=20;Timeout=30";

    private async Task<string> CreateAsync(string template)
    {
        var name = "bridge_" + Interlocked.Increment(ref databases).ToString(CultureInfo.InvariantCulture);
        await Creating.WaitAsync();
        try
        {
            await using var admin = new NpgsqlConnection(ConnectionString("postgres"));
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {template}", admin);
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
            await PostgresProcesses.RunAsync("chown", ["postgres:", directory], asRoot: false);
        }

        await PostgresProcesses.RunAsync(Path.Combine(binaries, "initdb"), ["-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--locale=C", "-N"], asRoot);
        var port = PostgresProcesses.FreePort();
        var server = new PostgresServer(directory, port);
        var options = $"-h 127.0.0.1 -p {port.ToString(CultureInfo.InvariantCulture)} -k {data} -F -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB -c max_connections=300";
        await PostgresProcesses.RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o", options, "start"], asRoot);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop(binaries, data, asRoot);
        PostgresProcesses.StartWatchdog(binaries, data, directory, asRoot);
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
            PostgresProcesses.RunAsync(Path.Combine(binaries, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"], asRoot).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // The run is ending: a server that would not stop is reported on stderr; the watchdog tries again.
            Console.Error.WriteLine($"The test PostgreSQL server in {directory} could not be stopped: {e.Message}");
        }
    }
}
