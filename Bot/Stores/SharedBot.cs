using Bot.Core.Chat;
using Bot.TelegramApi;
using Telegram.Bot;
using Telegram.Bot.Exceptions;
using Telegram.Bot.Types.Enums;

namespace Bot.Stores;

/// <summary>One bot's getUpdates loop in a process of several stores, whatever number of stores use the bot: Telegram
/// answers a second concurrent getUpdates of one bot with 409, so the process polls each bot once and hands every update
/// to the store it belongs to (<see cref="SharedBotRoutes"/>). The stores that use the bot are registered (their chats,
/// from their settings) before they start; a registered store takes updates once it joined (its bridge runs and holds
/// its lease). The offset moves past an update only once its store has handled or parked it in its own database: an
/// update whose store has not joined yet (it is starting or restarting) or cannot take it now (its database refuses) is
/// held, the offset stays before it and it comes again with the next poll, while the updates after it go to their
/// stores once each (remembered by id). The offset is kept in every member's cursor; a new loop starts from the highest.
/// The members also share one send budget (<see cref="Limiter"/>): Telegram's overall limit is the bot's.</summary>
/// <remarks>Not disposable on purpose: every store's container resolves it and would dispose it with the store; the loop's
/// token source is disposed when the last member leaves, which every store does when it stops.</remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The loop's token source lives from the first member's join to the last one's leave.")]
internal sealed partial class SharedBot(long botId, TimeProvider time, ILogger logger)
{
    private static readonly UpdateType[] Wanted = [UpdateType.Message, UpdateType.EditedMessage, UpdateType.CallbackQuery];
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Lock gate = new();
    private readonly SortedDictionary<string, StoreChats> registered = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SharedBotMember> joined = new(StringComparer.Ordinal);
    private readonly GetUpdatesFailureLog failures = new(time, logger);
    private ChatRateLimiter? limiter;
    private Task loop = Task.CompletedTask;
    private CancellationTokenSource? running;

    public long BotId => botId;

    /// <summary>Whether no store is registered or joined (the process may forget the bot).</summary>
    public bool IsUnused
    {
        get
        {
            lock (gate)
            {
                return registered.Count == 0 && joined.Count == 0;
            }
        }
    }

    /// <summary>The stores registered on the bot, by id.</summary>
    public IReadOnlyDictionary<string, StoreChats> Registered
    {
        get
        {
            lock (gate)
            {
                return new Dictionary<string, StoreChats>(registered, StringComparer.Ordinal);
            }
        }
    }

    /// <summary>The name the bot is held under in the deployment's registry: its stores in this process, by id.</summary>
    public string Holder(string store)
    {
        lock (gate)
        {
            return registered.Count == 0 ? store : string.Join('+', registered.Keys);
        }
    }

    /// <summary>The send budget of the bot, one for all its stores in the process: made by the first store that asks.</summary>
    public ChatRateLimiter Limiter(Func<ChatRateLimiter> make)
    {
        lock (gate)
        {
            return limiter ??= make();
        }
    }

    public void Register(StoreChats chats)
    {
        lock (gate)
        {
            registered[chats.Store] = chats;
        }
    }

    public void Unregister(string store)
    {
        lock (gate)
        {
            registered.Remove(store);
            if (registered.Count == 0 && joined.Count == 0)
            {
                limiter = null; // A store that comes later starts with a budget of its own settings.
            }
        }
    }

    /// <summary>The store takes its updates from now on; the first member starts the loop (after the previous one ended,
    /// so there is never a second getUpdates of the bot).</summary>
    public void Join(SharedBotMember member)
    {
        lock (gate)
        {
            joined[member.StoreId] = member;
            LogJoined(member.StoreId, botId, joined.Count);
            if (running is null)
            {
                var previous = loop;
                running = new CancellationTokenSource();
                var token = running.Token;
                loop = Task.Run(async () =>
                {
                    await previous.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    await RunAsync(token);
                });
                LogPolling(botId, member.StoreId);
            }
        }
    }

    /// <summary>The store takes no more updates (it stops or lost its lease); the last member ends the loop.</summary>
    public async Task LeaveAsync(SharedBotMember member)
    {
        Task? ending = null;
        lock (gate)
        {
            if (!joined.Remove(member.StoreId, out var current) || current != member)
            {
                if (current is not null && current != member)
                {
                    joined[member.StoreId] = current; // A newer member of the same store.
                }

                return;
            }

            LogLeft(member.StoreId, botId, joined.Count);

            if (joined.Count == 0 && running is not null)
            {
                running.Cancel();
                running.Dispose();
                running = null;
                ending = loop;
            }
        }

        if (ending is not null)
        {
            await ending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    private async Task RunAsync(CancellationToken stoppingToken)
    {
        var offset = 0;
        var lastUpdateAt = time.GetUtcNow();
        var loaded = false;
        var answered = false;
        var backoff = TimeSpan.FromSeconds(1);
        var handed = new HashSet<int>();
        // The loop's own client, made from the first member's settings: a member that leaves takes nothing from the
        // poll under way (its getUpdates is not cut off, which Telegram would answer the next one's with 409).
        using var http = new HttpClient();
        ITelegramBotClient? bot = null;
        var pollTimeout = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            lock (gate)
            {
                if (joined.Count == 0)
                {
                    break;
                }

                if (bot is null)
                {
                    var settings = joined.Values.First().Telegram;
                    http.Timeout = settings.RequestTimeout + TimeSpan.FromSeconds(settings.PollTimeoutSeconds);
                    bot = new TelegramBotClient(new TelegramBotClientOptions(settings.BotToken, settings.ApiBaseUrl) { RetryCount = 0 }, http);
                    pollTimeout = settings.PollTimeoutSeconds;
                }
            }

            try
            {
                if (!loaded)
                {
                    (offset, lastUpdateAt) = await LoadOffsetAsync(lastUpdateAt, stoppingToken);
                    loaded = true;
                }

                var quiet = offset > 0 && time.GetUtcNow() - lastUpdateAt >= UpdateReceiver.Retention;
                var timeout = answered ? pollTimeout : 0;
                var result = await bot.SendRequest(new RawGetUpdatesRequest(quiet ? null : offset, 100, timeout, Wanted), stoppingToken);
                var batch = RawUpdate.Split(result).ToList();
                LogPolled(botId, offset, batch.Count);
                foreach (var member in Members())
                {
                    member.Health.TelegramSucceeded();
                }

                answered = true;
                failures.Succeeded();
                var holding = false;
                int? previous = null;
                foreach (var raw in batch)
                {
                    // Ids only grow within a batch: one without a readable id has at least the previous one's + 1.
                    var id = raw.Id ?? previous + 1;
                    if (id is null || !handed.Contains(id.Value))
                    {
                        if (await HandAsync(raw, stoppingToken))
                        {
                            if (id is { } taken)
                            {
                                handed.Add(taken);
                            }
                        }
                        else
                        {
                            holding = true;
                        }
                    }

                    if (id is not { } confirmed)
                    {
                        continue;
                    }

                    previous = confirmed;
                    if (!holding)
                    {
                        offset = confirmed + 1;
                        lastUpdateAt = time.GetUtcNow();
                        await SaveOffsetAsync(offset, stoppingToken);
                    }
                }

                handed.RemoveWhere(i => i < offset);
                if (!holding)
                {
                    backoff = TimeSpan.FromSeconds(1);
                    continue;
                }

                // The held update comes again with the next poll: not at once, its store needs a moment.
                await Task.Delay(backoff, time, stoppingToken);
                backoff = Grow(backoff);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                foreach (var member in Members())
                {
                    member.Health.TelegramFailed(e.Message, needsOperator: e is ApiRequestException { ErrorCode: 401 });
                }

                failures.Failed(e, backoff);
                await Task.Delay(backoff, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                backoff = Grow(backoff);
            }
        }

        LogLoopEnded(botId);
    }

    private List<SharedBotMember> Members()
    {
        lock (gate)
        {
            return [.. joined.Values];
        }
    }

    private static TimeSpan Grow(TimeSpan backoff) => TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
}
