using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Outbox;

/// <summary>Which staff group a conversation's posts go to. A conversation stays in its group (its topic's, or that of
/// its posts still waiting); a new one goes to the least loaded group: fewest deliveries waiting for it plus sends in
/// its current minute. With one staff group, that group, without a query.</summary>
public sealed class StaffChatChooser(
    IConversationRepository conversations,
    IOutboxRepository outbox,
    ChatRateLimiter limiter,
    IOptions<StaffChatOptions> options)
{
    public async Task<long> ChatForAsync(DbSession session, long conversationId)
    {
        var chats = options.Value.AllStaffChatIds;
        if (chats.Count == 1)
        {
            return chats[0];
        }

        if (await conversations.GetBindingAsync(session, conversationId, Audience.Staff) is { } binding && chats.Contains(binding.ChatId))
        {
            return binding.ChatId;
        }

        if (await outbox.GetPendingChatInLaneAsync(session, OutboxKinds.StaffLane(conversationId)) is { } waiting && chats.Contains(waiting))
        {
            return waiting;
        }

        var pending = await outbox.CountPendingByChatAsync(session, chats);
        return chats.MinBy(chat => pending.GetValueOrDefault(chat) + limiter.SentInWindow(chat));
    }
}
