using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Outbox;
using Bot.Core.Relay;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

public sealed class BuyerFanOut(ConversationRepository conversations, BuyerLinkRepository links, OutboxStore outbox) : IBuyerFanOut
{
    public async Task EnqueueSellerSideAsync(DbSession session, long? conversationId, long? messageId)
    {
        if (conversationId is not { } id || messageId is null || await conversations.GetAsync(session, id) is not { } conversation)
        {
            return;
        }

        foreach (var link in await links.FindForConversationAsync(session, conversation))
        {
            await outbox.EnqueueAsync(session, new OutboxEntry(
                OutboxKinds.BuyerPost, OutboxKinds.BuyerLane(link.TelegramUserId), id, messageId, link.ChatId,
                link.TelegramUserId.ToString(CultureInfo.InvariantCulture)));
        }
    }
}
