using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Routing;
using Bot.Core.Storage;

namespace Bot.Core.Buyers;

/// <summary>A tap on a quick question sends it, in the buyer's language, as if the buyer had written it.</summary>
public sealed class QuickReplyCallback(
    IDbConnectionFactory connections,
    IBuyerLinkRepository links,
    IConversationRepository conversations,
    BuyerMessageRelay relay,
    BuyerTexts texts,
    Notices notices,
    FloodGuard flood,
    BuyerReachability reachability,
    TimeProvider time,
    IChatGateway chat) : ICallbackHandler
{
    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!callback.Data.StartsWith(QuickReplies.CallbackPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        // The message is written in the buyer's language before any write transaction opens (translation may take
        // seconds and uses the database itself).
        var quick = QuickReplies.Find(callback.Data[QuickReplies.CallbackPrefix.Length..]);
        string? language;
        await using (var read = await DbSession.ReadAsync(connections, cancellationToken))
        {
            language = (await links.FindByUserAsync(read, callback.FromUserId))?.Language;
        }

        var text = quick is null ? "" : await texts.InAsync(language, quick.Value.Text, cancellationToken);
        string? answer = null;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var link = await links.FindByUserAsync(session, callback.FromUserId);
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
                await reachability.ComeBackAsync(session, link);

                // A button press has no message of its own: its press id keeps a replay of the same press from sending twice.
                var sourceId = callback.PressId;
                var mine = await conversations.OfLinkAsync(session, link);
                var current = mine.FirstOrDefault(c => c.Id == link.CurrentConversationId) ?? (mine.Count == 1 ? mine[0] : null);
                if (current is not null)
                {
                    await relay.RelayAsync(session, current, link, sourceId, text, time.GetUtcNow());
                    await notices.EnqueueAsync(session, new NoticePayload(link.ChatId, null, $"➡️ {Html.Escape(text)}"));
                }
                else if (mine.Count > 1)
                {
                    await links.SavePendingAsync(session, link, sourceId, text, time.GetUtcNow());
                    await notices.EnqueueAsync(session, BuyerTexts.Notice(
                        link.ChatId, null, BuyerTexts.WhichOrder, link.Language,
                        BuyerOrders.Buttons(mine)));
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
