using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Buyers;

/// <summary>A buyer who blocked the bot: the link goes inactive (no more deliveries; the pending ones are settled) and
/// staff are told once; when the buyer writes to the bot again the link is active again and staff are told.</summary>
public sealed partial class BuyerReachability(
    IBuyerLinkRepository links,
    StaffTopicNotes staff,
    TimeProvider time,
    ILogger<BuyerReachability> logger)
{
    public const string BlockedNote = "🚫 The buyer blocked the bot in Telegram: replies here no longer reach them there, only the order chat on the marketplace. If they write to the bot again, Telegram delivery resumes.";
    public const string BackNote = "🔗 The buyer is back in Telegram: replies here reach them there again.";

    /// <summary>A delivery to the user was settled because they blocked the bot (runs in the settling transaction).</summary>
    public async Task BlockedAsync(DbSession session, long telegramUserId, long? conversationId)
    {
        if (await links.MarkBlockedAsync(session, telegramUserId, time.GetUtcNow()))
        {
            if (conversationId is { } id)
            {
                await staff.TellAsync(session, id, Html.Escape(BlockedNote));
            }

            LogBlocked(telegramUserId, conversationId);
        }
    }

    /// <summary>The buyer wrote to the bot: a blocked link is active again.</summary>
    public async Task ComeBackAsync(DbSession session, BuyerLink link)
    {
        if (link.BlockedAt is null || !await links.ReactivateAsync(session, link.TelegramUserId))
        {
            return;
        }

        link.BlockedAt = null;
        if (link.CurrentConversationId is { } current)
        {
            await staff.TellAsync(session, current, Html.Escape(BackNote));
        }

        LogBack(link.TelegramUserId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {UserId} blocked the bot; link inactive (conversation {ConversationId})")]
    private partial void LogBlocked(long userId, long? conversationId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Telegram user {UserId} wrote again; link active")]
    private partial void LogBack(long userId);
}
