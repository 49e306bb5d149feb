using System.Security.Cryptography;
using System.Text;
using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Feedback;
using Bot.Core.Marketplace;
using Bot.Core.Staff;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.OrderCards;

/// <summary>Reads the order of each conversation that was active (a buyer message or a staff reply) since its card was
/// last refreshed, at most once per <see cref="OrderCardOptions.OrderRefreshInterval"/>, and edits the card in place
/// when what it shows changed. An idle conversation costs no order read. A dispute that opens is announced once in the
/// topic (stored with the refresh in one transaction). A refusal leaves the card as it was and is logged once.</summary>
public sealed partial class OrderCardRefresher(
    IMarketplaceClient marketplace,
    IChatGateway chat,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IOrderCardRepository cards,
    ICardMessageRepository cardMessages,
    StaffTopicNotes notes,
    IOptions<OrderCardOptions> options,
    IOptions<DraftOptions> drafts,
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
        CardMessage? posted;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = await conversations.GetAsync(session, state.ConversationId);
            posted = await cardMessages.GetAsync(session, state.ConversationId);
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
            if (hash != state.CardHash && await EditAsync(state, conversation, text, posted?.TailHtml, cancellationToken))
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
                await notes.TellAsync(session, state.ConversationId, notice);
            }

            await session.CommitAsync(cancellationToken);
        }
    }

    /// <summary>Edits the card in place, keeping the first messages sent under it (<paramref name="tailHtml"/>). When the
    /// richer card and those messages no longer fit one Telegram message, the card is posted anew in the topic (the
    /// old message keeps the messages) and that message is the one edited from then on.</summary>
    private async Task<bool> EditAsync(OrderCardState state, Conversation conversation, string text, string? tailHtml, CancellationToken cancellationToken)
    {
        try
        {
            var whole = tailHtml is null ? text : $"{text}\n\n{tailHtml}";
            if (whole.Length <= ChatLimits.MaxTextLength)
            {
                await chat.EditTextAsync(state.MessageId, new ChatText(state.ChatId, null, whole, Buttons: DraftButtons.WithCard(StaffFormatter.CardButtons, drafts.Value)), cancellationToken);
                return true;
            }

            await RepostAsync(conversation, text, cancellationToken);
            return true;
        }
        catch (ChatDeliveryException e)
        {
            LogEditFailed(state.ConversationId, state.MessageId, e.Kind, e.Message);
            return false;
        }
    }

    private async Task RepostAsync(Conversation conversation, string text, CancellationToken cancellationToken)
    {
        ThreadBinding? binding;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            binding = await conversations.GetBindingAsync(session, conversation.Id, Audience.Staff);
        }

        if (binding is null)
        {
            return;
        }

        var id = await chat.SendTextAsync(new ChatText(binding.ChatId, binding.TopicId, text, Buttons: DraftButtons.WithCard(StaffFormatter.CardButtons, drafts.Value)), cancellationToken);
        await using var write = await DbSession.BeginAsync(connections, cancellationToken);
        await cardMessages.SetAsync(write, new CardMessage(conversation.Id, binding.ChatId, id, null));
        await cards.SetMessageAsync(write, conversation.Id, binding.ChatId, id);
        await write.CommitAsync(cancellationToken);
    }

    private static string Hash(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The marketplace refused to tell about order {OrderId} (conversation {ConversationId}); its card stays as it was (logged once until a read works): {Kind} {Code}: {Reason}")]
    private partial void LogRefused(string orderId, long conversationId, MarketplaceErrorKind kind, string code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The order card of conversation {ConversationId} (message {MessageId}) could not be edited: {Kind}: {Reason}")]
    private partial void LogEditFailed(long conversationId, int messageId, ChatErrorKind kind, string reason);
}
