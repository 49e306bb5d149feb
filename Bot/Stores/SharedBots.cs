using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Leases;
using Bot.Core.Operations;
using Bot.TelegramApi;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Bot.Stores;

/// <summary>The bots of a process of several stores: one <see cref="SharedBot"/> (one getUpdates loop, one send budget)
/// per bot, whichever number of the process's stores use it. A store is registered on its bot, with its chats, before
/// it starts; a store that names a chat another store of the bot names is refused, since an update from there could not
/// be routed. Across processes a bot stays one process's: its stores hold it together in the deployment's registry
/// (<see cref="BotHolder"/>, under the process's instance).</summary>
internal sealed class SharedBots(TimeProvider time, ILoggerFactory loggers)
{
    private readonly Dictionary<long, SharedBot> bots = [];
    private readonly ILogger logger = loggers.CreateLogger<SharedBot>();

    /// <summary>The process's instance in the deployment's registry of bots.</summary>
    public string Instance { get; } = BotHolder.ProcessPrefix + Environment.MachineName + "-" + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The bot's id: the digits before the token's colon, or null for a token the bridge does not accept.</summary>
    public static long? BotId(string? token) =>
        token?.Split(':')[0] is { } digits && long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;

    /// <summary>Makes the store's bridge a member of its bot's loop instead of polling on its own, with the bot's one
    /// send budget and its hold of the bot as the process's.</summary>
    public void Compose(IServiceCollection services, string store, long botId)
    {
        for (var i = 0; i < services.Count; i++)
        {
            if (services[i].ServiceType == typeof(IHostedService) && services[i].ImplementationType == typeof(UpdateReceiver))
            {
                services[i] = ServiceDescriptor.Singleton<IHostedService, SharedBotReceiver>();
            }
        }

        services.AddSingleton(_ => Bot(botId));
        services.AddSingleton<SharedBotMember>();
        services.Replace(ServiceDescriptor.Singleton(sp => Bot(botId).Limiter(() => new ChatRateLimiter(
            sp.GetRequiredService<IOptions<ChatRateOptions>>(), sp.GetRequiredService<TimeProvider>(), sp.GetService<LiveInstances>()))));
        services.AddSingleton(_ => new BotHolder(() => Bot(botId).Holder(store), Instance));
    }

    /// <summary>Registers the store on its bot with the chats its started bridge will serve; the sentence says why it
    /// cannot be (another store of the bot names one of its chats, or reaches the bot elsewhere), else null.</summary>
    public string? Register(string store, IServiceProvider services, IConfiguration configuration)
    {
        if (BotId(configuration["Telegram:BotToken"]) is not { } botId)
        {
            return null; // Not a token the bridge accepts: its validator has said so already.
        }

        var staff = services.GetRequiredService<IOptions<StaffChatOptions>>().Value;
        var operators = services.GetRequiredService<IOptions<OperatorOptions>>().Value;
        var telegram = services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        var chats = new StoreChats(store, telegram.ApiBaseUrl.TrimEnd('/'), staff.AllStaffChatIds, operators.OperatorChatId);
        lock (bots)
        {
            var bot = Bot(botId);
            foreach (var other in bot.Registered.Values.Where(o => o.Store != store))
            {
                if (!string.Equals(other.ApiBaseUrl, chats.ApiBaseUrl, StringComparison.OrdinalIgnoreCase))
                {
                    return $"Store {store} reaches the bot of store {other.Store} at another Telegram__ApiBaseUrl: stores that share a bot must reach it at the same address.";
                }

                if (chats.Named.FirstOrDefault(c => other.Names(c.Chat)) is { Setting: not null } clash)
                {
                    return $"Store {store} names chat {clash.Chat} as its {clash.Setting}, but store {other.Store} of this process names it too with the same bot, so an update from there could not be routed to one store: give each store that shares a bot its own staff groups (Telegram__StaffChatId, Telegram__StaffChatIds) and operator chat (Telegram__OperatorChatId).";
                }
            }

            Unregister(store, except: botId);
            bot.Register(chats);
            return null;
        }
    }

    /// <summary>The store no longer uses any bot of the process.</summary>
    public void Release(string store)
    {
        lock (bots)
        {
            Unregister(store, except: null);
        }
    }

    /// <summary>The bot's loop (made when first asked for).</summary>
    public SharedBot Bot(long botId)
    {
        lock (bots)
        {
            if (!bots.TryGetValue(botId, out var bot))
            {
                bot = new SharedBot(botId, time, logger);
                bots[botId] = bot;
            }

            return bot;
        }
    }

    private void Unregister(string store, long? except)
    {
        foreach (var (id, bot) in bots.Where(b => b.Key != except).ToList())
        {
            bot.Unregister(store);
            if (bot.IsUnused)
            {
                bots.Remove(id);
            }
        }
    }
}
