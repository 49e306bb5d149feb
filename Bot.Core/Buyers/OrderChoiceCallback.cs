using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Routing;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>The buyer picked an order: remember it, and relay the messages that waited for the choice.</summary>
public sealed class OrderChoiceCallback(
    IDbConnectionFactory connections,
    IBuyerLinkRepository links,
    IConversationRepository conversations,
    BuyerMessageRelay relay,
    IChatGateway chat) : ICallbackHandler
{
    public const string Prefix = "ord:";

    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!callback.Data.StartsWith(Prefix, StringComparison.Ordinal) || !long.TryParse(callback.Data[Prefix.Length..], CultureInfo.InvariantCulture, out var conversationId))
        {
            return false;
        }

        string answer;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var link = await links.FindByUserAsync(session, callback.FromUserId);
            var conversation = await conversations.GetAsync(session, conversationId);
            if (link is null || conversation is null || !BuyerOrders.Owns(link, conversation))
            {
                answer = "This order is not yours.";
            }
            else
            {
                await links.SetCurrentConversationAsync(session, link.TelegramUserId, conversation.Id);
                foreach (var (messageId, text, createdAt) in await links.TakePendingAsync(session, link.TelegramUserId))
                {
                    await relay.RelayAsync(session, conversation, link, messageId, text, createdAt);
                }

                answer = BuyerOrders.Label(conversation);
            }

            await session.CommitAsync(cancellationToken);
        }

        await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        return true;
    }
}
