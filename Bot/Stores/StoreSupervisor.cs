using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>Keeps the process's stores in step with their directory (<see cref="StoresOptions.Directory"/>): it reads
/// the directory at start, whenever the file system reports a change there, and every
/// <see cref="StoresOptions.ScanInterval"/>, and tells each store's <see cref="StoreRunner"/> its file. Stores start,
/// restart and stop independently; on the process's stop every store drains at once.</summary>
internal sealed partial class StoreSupervisor(
    IOptions<StoresOptions> options,
    StoreLauncher launcher,
    SharedBots bots,
    TimeProvider time,
    ILoggerFactory loggers,
    ILogger<StoreSupervisor> logger) : BackgroundService
{
    private readonly Dictionary<string, StoreRunner> runners = new(StringComparer.Ordinal);
    private readonly HashSet<string> ignoredNames = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim changed = new(0, 1);
    private bool missingReported;

    /// <summary>Every store the directory names, or named until its bridge stopped, by id.</summary>
    public IReadOnlyList<StoreStatus> Stores()
    {
        lock (runners)
        {
            return runners.Values.Select(r => r.Status).OrderBy(s => s.Id, StringComparer.Ordinal).ToList();
        }
    }

    public StoreRunner? Runner(string id)
    {
        lock (runners)
        {
            return runners.GetValueOrDefault(id);
        }
    }

    /// <summary>Reads the directory now and hands each store its file; the task ends when every store got there.</summary>
    public Task ScanAsync()
    {
        var directory = Path.GetFullPath(options.Value.Directory!);
        var scan = StoreDirectory.Read(directory);
        ReportOddities(directory, scan);
        var changes = new List<Task>();
        lock (runners)
        {
            foreach (var (id, file) in scan.Files)
            {
                if (!runners.TryGetValue(id, out var runner))
                {
                    runner = new StoreRunner(id, launcher, bots, options.Value, time, loggers.CreateLogger<StoreRunner>());
                    runners[id] = runner;
                }

                changes.Add(runner.Want(file));
            }

            foreach (var runner in runners.Values.Where(r => !scan.Files.ContainsKey(r.Id) && !scan.Unreadable.Contains(r.Id)).ToList())
            {
                changes.Add(Remove(runner));
            }
        }

        return Task.WhenAll(changes);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        List<Task> stopping;
        lock (runners)
        {
            stopping = runners.Values.Select(r => r.Want(null)).ToList();
        }

        await Task.WhenAll(stopping).WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var directory = Path.GetFullPath(options.Value.Directory!);
        LogServing(directory);
        using var watcher = Watch(directory);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                _ = ScanAsync();
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                LogScanFailed(e, directory);
            }

            using var next = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            next.CancelAfter(options.Value.ScanInterval);
            await changed.WaitAsync(next.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private Task Remove(StoreRunner runner)
    {
        var stopped = runner.Want(null);
        return stopped.ContinueWith(
            _ =>
            {
                lock (runners)
                {
                    // Not if its file came back meanwhile: then the runner is starting it again.
                    if (runner.IsGone && runners.GetValueOrDefault(runner.Id) == runner)
                    {
                        runners.Remove(runner.Id);
                    }
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private FileSystemWatcher? Watch(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return null;
        }

        try
        {
            var watcher = new FileSystemWatcher(directory, "*.json") { NotifyFilter = NotifyFilters.FileName | NotifyFilters.LastWrite | NotifyFilters.Size };
            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.EnableRaisingEvents = true;
            return watcher;
        }
        catch (Exception e) when (e is IOException or ArgumentException or PlatformNotSupportedException)
        {
            LogNoWatcher(directory, options.Value.ScanInterval.TotalSeconds);
            return null;
        }
    }

    private void Signal()
    {
        try
        {
            changed.Release();
        }
        catch (SemaphoreFullException)
        {
            // A scan is due already.
        }
        catch (ObjectDisposedException)
        {
            // The process stops.
        }
    }

    private void ReportOddities(string directory, StoreScan scan)
    {
        if (scan.DirectoryMissing && !missingReported)
        {
            LogDirectoryMissing(directory);
        }

        missingReported = scan.DirectoryMissing;
        foreach (var name in scan.Ignored.Where(ignoredNames.Add))
        {
            LogIgnored(name);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the stores whose settings files are in {Directory}.")]
    private partial void LogServing(string directory);

    [LoggerMessage(Level = LogLevel.Error, Message = "The stores' directory {Directory} (Stores__Directory) does not exist: no store runs until it does.")]
    private partial void LogDirectoryMissing(string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The file {File} is not a store: a store's file is named after its id (letters, digits, '-' and '_', at most 40) followed by .json.")]
    private partial void LogIgnored(string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The stores' directory {Directory} could not be read; it is read again shortly.")]
    private partial void LogScanFailed(Exception error, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Changes in {Directory} cannot be watched; it is read every {Seconds} s instead.")]
    private partial void LogNoWatcher(string directory, double seconds);
}
