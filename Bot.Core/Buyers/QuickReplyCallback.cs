using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Outbox;
using Bot.Core.Relay;
using Bot.Core.Relay.Formatting;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>A tap on a quick question sends it, in the buyer's language, as if the buyer had written it.</summary>
public sealed class QuickReplyCallback(
    IDbConnectionFactory connections,
    BuyerLinkRepository links,
    ConversationRepository conversations,
    BuyerMessageRelay relay,
    BuyerTexts texts,
    Notices notices,
    FloodGuard flood,
    IChatGateway chat) : ICallbackHandler
{
    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!callback.Data.StartsWith(QuickReplies.CallbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        string? answer = null;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var link = await links.FindByUserAsync(session, callback.FromUserId);
            var quick = QuickReplies.Find(callback.Data[QuickReplies.CallbackPrefix.Length..]);
            if (link is null || quick is null)
            {
                answer = BuyerTexts.NotLinked;
            }
            else if (flood.Take(callback.FromUserId) != FloodGuard.Verdict.Allowed)
            {
                answer = BuyerTexts.TooFast;
            }
            else
            {
                var text = await texts.InAsync(link.Language, quick.Value.Text, cancellationToken);
                // A button press has no message of its own: the negative update id keeps replays from sending twice.
                var sourceId = -callback.UpdateId;
                var mine = await links.ConversationsOfAsync(session, link, conversations);
                var current = mine.FirstOrDefault(c => c.Id == link.CurrentConversationId) ?? (mine.Count == 1 ? mine[0] : null);
                if (current is not null)
                {
                    await relay.RelayAsync(session, current, link, sourceId, text, DateTimeOffset.UtcNow);
                    await notices.EnqueueAsync(session, new NoticePayload(link.ChatId, null, $"➡️ {Html.Escape(text)}"));
                }
                else if (mine.Count > 1)
                {
                    await relay.SavePendingAsync(session, link, sourceId, text, DateTimeOffset.UtcNow);
                    await notices.EnqueueAsync(session, new NoticePayload(
                        link.ChatId, null, Html.Escape(await texts.InAsync(link.Language, BuyerTexts.WhichOrder, cancellationToken)), null, null,
                        mine.Select(c => (IReadOnlyList<ChatButton>)[new ChatButton(BuyerChatRoute.Label(c), OrderChoiceCallback.Prefix + c.Id)]).ToList()));
                }
                else
                {
                    answer = BuyerTexts.NoOrders;
                }
            }

            await session.CommitAsync(cancellationToken);
        }

        await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        return true;
    }
}
