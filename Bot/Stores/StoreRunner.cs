using Bot.Core.Logging;
using Bot.Operations;
using Bot.Startup;

namespace Bot.Stores;

/// <summary>Runs one store's bridge and brings it to the file it is given (<see cref="Want"/>): a new file starts it,
/// a changed one restarts it, none stops it (drained as a one-store process is on SIGTERM). Changes are applied one at
/// a time on a task of its own, so a store that is slow to start or stop never holds up another. A store whose start
/// fails for a reason outside its file (its database server not up yet, its port or its bot still held elsewhere) is
/// started again after <see cref="StoresOptions.RetryDelay"/>, doubled after each failure up to
/// <see cref="StoresOptions.MaxRetryDelay"/>; one whose file cannot work, or that stops by itself, is left failed, with
/// its sentences, until its file changes.</summary>
internal sealed partial class StoreRunner(string id, StoreLauncher launcher, SharedBots bots, StoresOptions settings, TimeProvider time, ILogger logger)
{
    private readonly Lock gate = new();
    private StoreFile? wanted;
    private StoreFile? applied;
    private bool busy;
    private Task work = Task.CompletedTask;
    private WebApplication? app;
    private StoreStatus status = new(id, "", StoreState.Starting, time.GetUtcNow(), [], []);

    public string Id => id;

    public StoreStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>The running bridge's services, or null while it does not run.</summary>
    public IServiceProvider? Services
    {
        get
        {
            lock (gate)
            {
                return status.State == StoreState.Running ? app?.Services : null;
            }
        }
    }

    /// <summary>Whether the store was told to go (<see cref="Want"/> null) and has stopped.</summary>
    public bool IsGone
    {
        get
        {
            lock (gate)
            {
                return wanted is null && app is null && !busy;
            }
        }
    }

    /// <summary>Brings the store to <paramref name="file"/> (null: stopped and gone); the task ends once it is there.</summary>
    public Task Want(StoreFile? file)
    {
        lock (gate)
        {
            if (file?.Hash != wanted?.Hash)
            {
                // Another file (or none): whatever failed before is the old file's; its retry is dropped.
                failedStarts = 0;
                CancelRetry();
            }

            wanted = file;
            return Kick();
        }
    }

    /// <summary>The store's readiness (its own /readyz checks), or null while it does not run.</summary>
    public async Task<ReadinessReport?> ReadinessAsync(CancellationToken cancellationToken)
    {
        if (Services?.GetService<ReadinessCheck>() is not { } check)
        {
            return null;
        }

        try
        {
            return await check.CheckAsync(cancellationToken);
        }
        catch (ObjectDisposedException)
        {
            return null; // Stopped meanwhile.
        }
    }

    private Task Kick()
    {
        lock (gate)
        {
            if (!busy)
            {
                busy = true;
                work = Task.Run(ApplyAsync);
            }

            return work;
        }
    }

    private async Task ApplyAsync()
    {
        while (true)
        {
            StoreFile? target;
            bool stoppedItself;
            lock (gate)
            {
                target = wanted;
                stoppedItself = app is not null && status.State == StoreState.Running && app.Lifetime.ApplicationStopping.IsCancellationRequested;
                var retrying = retryDue && target is not null && app is null;
                retryDue = false;
                if (!stoppedItself && !retrying && target?.Hash == applied?.Hash)
                {
                    busy = false;
                    return;
                }
            }

            try
            {
                await ApplyAsync(target, stoppedItself);
            }
            catch (Exception e)
            {
                LogUnexpected(e, id);
                Fail(target ?? applied, $"Store {id} failed unexpectedly ({e.GetType().Name}: {Secrets.Redact(e.Message).TrimEnd('.')}); it starts again once its file changes.");
                lock (gate)
                {
                    applied = target;
                }
            }
        }
    }

    private async Task ApplyAsync(StoreFile? target, bool stoppedItself)
    {
        if (app is not null)
        {
            if (stoppedItself)
            {
                LogStoppedItself(id);
            }
            else
            {
                LogStopping(id, target is null ? "its file was removed or the process stops" : "its file changed");
            }

            // A store that restarts keeps its place on its bot meanwhile: its updates wait for it instead of going elsewhere.
            await StopAsync(applied, keepBot: target is not null && !stoppedItself);
            if (stoppedItself)
            {
                Fail(applied, $"Store {id} stopped by itself (its log lines say why); it starts again once its file changes.");
                if (target?.Hash == applied?.Hash)
                {
                    return;
                }
            }
        }

        if (target is not null)
        {
            await StartAsync(target);
        }

        lock (gate)
        {
            applied = target;
        }
    }

    private async Task StartAsync(StoreFile file)
    {
        Set(file, StoreState.Starting, [], []);
        var build = launcher.Build(file);
        if (build.App is not { } built)
        {
            bots.Release(id);
            Fail(file, [.. build.Problems]);
            return;
        }

        IReadOnlyList<string> problems;
        try
        {
            problems = built.ValidateConfiguration();
        }
        catch
        {
            await built.DisposeAsync();
            bots.Release(id);
            throw;
        }

        if (problems.Count == 0 && bots.Register(id, built.Services, built.Configuration) is { } refusal)
        {
            problems = [refusal];
        }

        if (problems.Count > 0)
        {
            await built.DisposeAsync();
            bots.Release(id);
            Fail(file, [.. problems]);
            return;
        }

        try
        {
            await built.StartAsync();
        }
        catch (Exception e)
        {
            var sentence = StartupFailure.Describe(e, built.Configuration)
                ?? $"unexpected error ({e.GetType().Name}: {e.Message.TrimEnd('.')})";
            await StopQuietlyAsync(built);
            bots.Release(id);
            Fail(file, $"{sentence} It is started again in {Describe(ScheduleRetry())}.");
            return;
        }

        lock (gate)
        {
            app = built;
            failedStarts = 0;
        }

        built.Lifetime.ApplicationStopping.Register(() => Kick());
        var urls = built.Urls.ToList();
        Set(file, StoreState.Running, [], urls);
        var listening = string.Join(", ", urls);
        LogStarted(id, file.Name, listening);
    }

    private async Task StopAsync(StoreFile? file, bool keepBot)
    {
        var running = app!;
        Set(file, StoreState.Stopping, [], status.Urls);
        await StopQuietlyAsync(running);
        lock (gate)
        {
            app = null;
        }

        if (!keepBot)
        {
            bots.Release(id);
        }

        LogStopped(id);
    }

    private async Task StopQuietlyAsync(WebApplication stopping)
    {
        try
        {
            await stopping.StopAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            LogStopFailed(e, id);
        }
        finally
        {
            await stopping.DisposeAsync();
        }
    }

    private void Fail(StoreFile? file, params string[] problems)
    {
        var masked = problems.Select(Secrets.Redact).ToList();
        Set(file, StoreState.Failed, masked, []);
        foreach (var problem in masked)
        {
            LogCannotRun(id, problem);
        }
    }

    private void Set(StoreFile? file, StoreState state, IReadOnlyList<string> problems, IReadOnlyList<string> urls)
    {
        lock (gate)
        {
            status = new StoreStatus(id, file?.Name ?? status.File, state, time.GetUtcNow(), problems, urls);
        }
    }
}
