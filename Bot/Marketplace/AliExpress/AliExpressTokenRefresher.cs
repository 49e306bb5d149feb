using System.Globalization;
using Bot.Core.Marketplace;
using Bot.Core.Operations;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.AliExpress;

/// <summary>Refreshes the access token well ahead of its end (<see cref="AliExpressRefreshPlan"/>), from the stored
/// expiry, so a restart changes nothing. A failed refresh is retried with back-off while the old token stays in use;
/// a refused one (the refresh token ended or was revoked) tells operators to authorize again. Also warns operators
/// <see cref="AliExpressOptions.AuthorizationWarning"/> before the refresh token ends.</summary>
internal sealed class AliExpressTokenRefresher(
    AliExpressTokens tokens, AliExpressAuthClient auth, AliExpressConnect connect, BridgeHealth health,
    IOptions<AliExpressOptions> options, TimeProvider time, ILogger<AliExpressTokenRefresher> logger) : BackgroundService
{
    private static readonly TimeSpan MaxRetry = TimeSpan.FromHours(1);
    private readonly SemaphoreSlim changed = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        tokens.Changed += OnChanged;
        try
        {
            var retry = TimeSpan.Zero;
            while (!stoppingToken.IsCancellationRequested)
            {
                var wait = await StepAsync(retry, stoppingToken);
                retry = wait.Failed ? Next(retry) : TimeSpan.Zero;
                await WaitAsync(wait.Delay, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            tokens.Changed -= OnChanged;
        }
    }

    private async Task<(TimeSpan? Delay, bool Failed)> StepAsync(TimeSpan retry, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        MarketplaceAuthorization? current;
        try
        {
            current = await tokens.CurrentAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            AliExpressTokenLog.RefreshFailed(logger, e.Message, Next(retry));
            return (Next(retry), true);
        }

        if (current is null)
        {
            health.MarketplaceAuthorizationNotice = new("not-connected", $"{AliExpressTokens.NotConnected} Or {connect.Where()}.");
            return (null, false);
        }

        health.MarketplaceAuthorizationNotice = current.RefreshExpiresAt is { } ends && ends - now <= settings.AuthorizationWarning
            ? new("ending", $"The AliExpress store's authorization ends on {Stamp(ends)} and cannot be renewed after that: {connect.Where()}.")
            : null;

        if (AliExpressRefreshPlan.Due(current, settings) is not { } due || current.RefreshToken is not { } refreshToken)
        {
            return (NextWarning(current, now, settings), false);
        }

        if (current.RefreshExpiresAt is { } end && end <= now)
        {
            health.MarketplaceAuthorizationNotice = new("ended", $"The AliExpress store's authorization ended on {Stamp(end)}: {connect.Where()}.");
            return (null, false);
        }

        if (due > now)
        {
            var untilWarning = NextWarning(current, now, settings);
            return (untilWarning is { } w && w < due - now ? w : due - now, false);
        }

        try
        {
            await tokens.StoreAsync(await auth.RefreshAsync(refreshToken, cancellationToken), cancellationToken);
            AliExpressTokenLog.Refreshed(logger);
            return (TimeSpan.Zero, false);
        }
        catch (MarketplaceException e) when (e.Kind != MarketplaceErrorKind.Transient)
        {
            health.MarketplaceAuthorizationNotice = new("refused", $"AliExpress refused to renew the store's authorization ({e.Code}): {connect.Where()}.");
            AliExpressTokenLog.RefreshRefused(logger, e.Code);
            return (null, true);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            AliExpressTokenLog.RefreshFailed(logger, e.Message, Next(retry));
            return (Next(retry), true);
        }
    }

    private TimeSpan Next(TimeSpan retry) =>
        retry == TimeSpan.Zero ? options.Value.RefreshRetry : TimeSpan.FromTicks(Math.Min(MaxRetry.Ticks, retry.Ticks * 2));

    private static TimeSpan? NextWarning(MarketplaceAuthorization current, DateTimeOffset now, AliExpressOptions settings) =>
        current.RefreshExpiresAt is { } ends && ends - settings.AuthorizationWarning > now ? ends - settings.AuthorizationWarning - now : null;

    private async Task WaitAsync(TimeSpan? delay, CancellationToken cancellationToken)
    {
        if (delay == TimeSpan.Zero)
        {
            return;
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var woken = changed.WaitAsync(timeout.Token);
        var tasks = delay is { } d ? new[] { woken, Task.Delay(d, time, timeout.Token) } : [woken];
        await Task.WhenAny(tasks);
        await timeout.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
    }

    private void OnChanged()
    {
        try
        {
            if (changed.CurrentCount == 0)
            {
                changed.Release();
            }
        }
        catch (SemaphoreFullException)
        {
            // Already signalled.
        }
    }

    public override void Dispose()
    {
        changed.Dispose();
        base.Dispose();
    }

    private static string Stamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
}
