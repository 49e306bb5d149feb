using System.Security.Cryptography;
using System.Text;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Bot.Core.Workflow;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.OrderCards;

/// <summary>Reads the order of each conversation that was active (a buyer message or a staff reply) since its card was
/// last refreshed, at most once per <see cref="OrderCardOptions.OrderRefreshInterval"/>, and edits the card in place
/// when what it shows changed. An idle conversation costs no order read. A dispute that opens is announced once in the
/// topic (stored with the refresh in one transaction), with the export offered, and the topic's title is marked while
/// it is open (<see cref="TopicTitles"/>). A refusal leaves the card as it was and is logged once.</summary>
public sealed partial class OrderCardRefresher(
    IMarketplaceClient marketplace,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IOrderCardRepository cards,
    CardEditor editor,
    TopicTitles titles,
    StaffTopicNotes notes,
    IOptions<OrderCardOptions> options,
    TimeProvider time,
    ILogger<OrderCardRefresher> logger)
{
    private const int Batch = 20;

    // The last refusal logged (kind and code): the same refusal of another order is not logged again until a read works.
    private string? lastRefusal;

    /// <summary>Refreshes the cards that are due; returns how many were looked at.</summary>
    public async Task<int> RefreshDueAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        IReadOnlyList<OrderCardState> due;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            due = await cards.ListDueAsync(session, now - options.Value.OrderRefreshInterval, Batch);
        }

        foreach (var state in due)
        {
            await RefreshAsync(state, cancellationToken);
        }

        return due.Count;
    }

    private async Task RefreshAsync(OrderCardState state, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var next = state with { RefreshedAt = now, SeenMessageId = state.LatestMessageId };
        Conversation? conversation;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = await conversations.GetAsync(session, state.ConversationId);
        }

        var orderId = conversation is null || conversation.Marketplace != marketplace.Marketplace ? null
            : conversation.Card?.OrderId ?? (conversation.Kind == ConversationKind.Order ? conversation.ExternalId : null);
        OrderFacts? facts = null;
        if (orderId is not null)
        {
            try
            {
                facts = await marketplace.GetOrderFactsAsync(orderId, cancellationToken);
                next = next with { RefusalNoted = false };
                lastRefusal = null;
            }
            catch (MarketplaceException e)
            {
                var refusal = $"{e.Kind} {e.Code}";
                if (!state.RefusalNoted && refusal != lastRefusal)
                {
                    LogRefused(orderId, state.ConversationId, e.Kind, e.Code ?? "-", e.Message);
                }

                lastRefusal = refusal;
                next = next with { RefusalNoted = true };
            }
        }

        string? notice = null;
        if (facts is not null && conversation is not null)
        {
            var text = OrderCardText.Render(conversation, facts, now);
            var hash = Hash(text);
            var fallback = new CardMessage(state.ConversationId, state.ChatId, state.MessageId, null);
            if (hash != state.CardHash && await editor.EditAsync(conversation, fallback, OrderCardText.Facts(conversation, facts, now), cancellationToken))
            {
                next = next with { CardHash = hash };
            }

            next = next with { DisputeKey = DisputeNotice.Key(facts.Dispute), OrderFinished = facts.Finished };
            notice = DisputeNotice.Opened(state.DisputeKey, facts.Dispute, orderId!);
        }

        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await cards.SaveRefreshAsync(session, next);
            if (facts is not null)
            {
                await cards.SaveFactsAsync(session, state.ConversationId, OrderFactsJson.Write(facts));
            }
            if (notice is not null)
            {
                await notes.TellAsync(session, state.ConversationId, notice, DisputeNotice.Buttons);
            }

            await session.CommitAsync(cancellationToken);
        }

        // The topic's mark follows the dispute: set when it opens, removed when it closes (read back as stored).
        if (conversation is not null && OrderCardState.IsOpenDispute(next.DisputeKey) != OrderCardState.IsOpenDispute(state.DisputeKey))
        {
            await titles.RenameAsync(conversation, cancellationToken);
        }
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The marketplace refused to tell about order {OrderId} (conversation {ConversationId}); its card stays as it was (logged once until a read works): {Kind} {Code}: {Reason}")]
    private partial void LogRefused(string orderId, long conversationId, MarketplaceErrorKind kind, string code, string reason);
}
