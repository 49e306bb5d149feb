using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.MarketplaceRelay;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>Copies the seller side of a conversation to the buyer's active Telegram link. Never the buyer's own words:
/// neither their message from Telegram once it reached the marketplace, nor its echo when the poller brings it back
/// unrecognised (it carries the "written by the buyer in Telegram" label). Never for a conversation without a buyer id.</summary>
public sealed class BuyerFanOut(IConversationRepository conversations, IMessageRepository messages, IBuyerLinkRepository links, IOutboxRepository outbox) : IBuyerFanOut
{
    private static readonly string BuyerLabel = MarketplaceFormatter.FromBuyerInTelegram("").Trim();

    public async Task EnqueueSellerSideAsync(DbSession session, long? conversationId, long? messageId)
    {
        if (conversationId is not { } id || messageId is not { } stored || await conversations.GetAsync(session, id) is not { } conversation
            || !BuyerLink.IsBuyerId(conversation.BuyerId) || await IsTheBuyersOwnAsync(session, stored))
        {
            return;
        }

        foreach (var link in await links.FindForConversationAsync(session, conversation))
        {
            await outbox.EnqueueAsync(session, new OutboxEntry(
                OutboxKinds.BuyerPost, OutboxKinds.BuyerLane(link.TelegramUserId), id, stored, link.ChatId,
                link.TelegramUserId.ToString(CultureInfo.InvariantCulture)));
        }
    }

    private async Task<bool> IsTheBuyersOwnAsync(DbSession session, long messageId) =>
        await messages.GetAsync(session, messageId) is not { } message
        || message.Role == AuthorRole.Buyer
        || message.Text.TrimStart().StartsWith(BuyerLabel, StringComparison.Ordinal);
}
