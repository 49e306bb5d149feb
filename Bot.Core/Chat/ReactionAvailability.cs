using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Chat;

/// <summary>Which reactions each chat takes: the Bot API's fixed list, narrowed by the chat's admins (getChat's
/// <c>available_reactions</c>). Remembered for <see cref="Lifetime"/> per chat, and forgotten at once when Telegram
/// refuses a reaction, since admins may change the list at any time.</summary>
public sealed partial class ReactionAvailability(IChatGateway chat, TimeProvider time, ILogger<ReactionAvailability> logger)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private readonly ConcurrentDictionary<long, (IReadOnlySet<string>? Allowed, DateTimeOffset Until)> chats = new();

    public async Task<bool> AllowsAsync(long chatId, string emoji, CancellationToken cancellationToken)
    {
        if (!ChatReactions.Standard.Contains(emoji))
        {
            return false;
        }

        var now = time.GetUtcNow();
        if (!chats.TryGetValue(chatId, out var known) || known.Until <= now)
        {
            try
            {
                known = (await chat.GetAvailableReactionsAsync(chatId, cancellationToken), now + Lifetime);
                chats[chatId] = known;
            }
            catch (ChatDeliveryException e)
            {
                // Unknown for now: try the reaction; a refusal is handled like any other.
                LogUnknown(e, chatId);
                return true;
            }
        }

        return known.Allowed is null || known.Allowed.Contains(emoji);
    }

    public void Forget(long chatId) => chats.TryRemove(chatId, out _);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not read the available reactions of chat {ChatId}")]
    private partial void LogUnknown(Exception error, long chatId);
}
