using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Formatting;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Finds a conversation's staff topic, creating it the first time, and again when a person deleted it. The
/// binding is committed as soon as the topic exists, so a crash cannot create it twice unless it strikes between
/// Telegram's answer and that commit. The order card goes alone, or (<see cref="GetOrOpenAsync"/>) with the
/// conversation's first messages in one Telegram message; either way its message is stored for edits in place. A topic
/// made again keeps what the old one showed: its title and card say who has the conversation and mark the order's open
/// dispute (<see cref="ITopicMarks"/>), and the card shows the order's facts as last read.</summary>
public sealed partial class TopicResolver(
    IChatGateway chat,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ICardMessageRepository cards,
    IOrderCardRepository orderCards,
    ITopicMarks marks,
    IOptions<DraftOptions> drafts,
    IMarketplaceClient marketplace,
    ILogger<TopicResolver> logger)
{
    public async Task<ThreadBinding> GetOrCreateAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        var (binding, card) = await GetOrOpenAsync(conversation, staffChatId, cancellationToken);
        if (card is not null)
        {
            await SendCardAsync(conversation, binding, null, card, cancellationToken);
        }

        return binding;
    }

    /// <summary>The conversation's topic; a new one is made without its card, which the caller sends with
    /// <see cref="SendCardAsync"/> (with the first messages under it), handing over <c>Card</c>: what the card shows,
    /// read with the binding. <c>Card</c> is null when the topic existed (no card due).</summary>
    public async Task<(ThreadBinding Binding, NewTopicCard? Card)> GetOrOpenAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        TopicMarks look;
        string? facts;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            var (existing, cardDue) = await conversations.GetStaffTopicAsync(session, conversation.Id);
            var current = existing is not null && existing.ChatId == staffChatId ? existing : null;
            if (current is not null && !cardDue)
            {
                return (current, null);
            }

            // The new topic's name and its card's marks and facts, in the same read.
            look = await marks.ReadAsync(session, conversation);
            facts = (await cards.GetAsync(session, conversation.Id))?.FactsHtml;
            if (current is not null)
            {
                // The bridge stopped after making the topic and before storing its card: the card goes now.
                LogCardDue(conversation.Id, current.TopicId);
                return (current, new NewTopicCard(look, facts));
            }
        }

        var binding = await OpenAsync(conversation, staffChatId, look, cancellationToken);
        return (binding, new NewTopicCard(look, facts));
    }

    /// <summary>The topic is gone ("message thread not found"): make a new one, with its card, and point the conversation at it.</summary>
    public async Task<ThreadBinding> RecreateAsync(Conversation conversation, long staffChatId, int deletedTopicId, CancellationToken cancellationToken)
    {
        LogRecreating(conversation.Id, deletedTopicId);
        var binding = await OpenAsync(conversation, staffChatId, cancellationToken);
        await SendCardAsync(conversation, binding, null, null, cancellationToken);
        return binding;
    }

    /// <summary>Posts the order card (with <paramref name="tailHtml"/> under it, when given) and stores its message.</summary>
    /// <param name="conversation">The card's conversation.</param>
    /// <param name="binding">The topic the card goes to.</param>
    /// <param name="tailHtml">Posts shown under the card, or null.</param>
    /// <param name="card">What <see cref="GetOrOpenAsync"/> read with the binding of the topic it made a moment ago (one
    /// Telegram call): the card shows it. Null: the marks and facts are read now.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The Telegram message id.</returns>
    public async Task<int> SendCardAsync(Conversation conversation, ThreadBinding binding, string? tailHtml, NewTopicCard? card, CancellationToken cancellationToken)
    {
        var posted = await PostCardAsync(conversation, binding, tailHtml, card, cancellationToken);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await StoreCardAsync(session, posted);
        await session.CommitAsync(cancellationToken);
        return posted.MessageId;
    }

    /// <summary>Posts the order card like <see cref="SendCardAsync"/> without storing it: the caller stores it with
    /// <see cref="StoreCardAsync"/> in a transaction of its own (a delivery's completion, when the card carries the
    /// delivery's posts). Until then the topic's card stays due, and is posted again should the bridge stop first.</summary>
    /// <returns>Where the card was posted.</returns>
    public async Task<CardMessage> PostCardAsync(Conversation conversation, ThreadBinding binding, string? tailHtml, NewTopicCard? card, CancellationToken cancellationToken)
    {
        TopicMarks look;
        string? facts;
        if (card is not null)
        {
            (look, facts) = (card.Marks, card.Facts);
        }
        else
        {
            await using var again = await DbSession.ReadAsync(connections, cancellationToken);
            look = await marks.ReadAsync(again, conversation);
            facts = (await cards.GetAsync(again, conversation.Id))?.FactsHtml;
        }

        // The caller fitted the tail under the plain card: what the card adds to it gives way (it comes back with the
        // card's next edit, which posts the card anew when it no longer fits).
        var text = StaffFormatter.CardMessage(conversation, tailHtml, look.Claimant, facts);
        if (tailHtml is not null && HtmlSplitter.PlainLength(text) > ChatLimits.MaxTextLength)
        {
            text = StaffFormatter.CardMessage(conversation, tailHtml, look.Claimant);
            if (HtmlSplitter.PlainLength(text) > ChatLimits.MaxTextLength)
            {
                text = StaffFormatter.CardMessage(conversation, tailHtml);
            }
        }

        var buttons = DraftButtons.WithCard(StaffFormatter.CardButtons(marketplace.Capabilities.InvitesAllowed, look.Claimant is not null), drafts.Value);
        var id = await chat.SendTextAsync(new ChatText(binding.ChatId, binding.TopicId, text, Buttons: buttons), cancellationToken);
        return new CardMessage(conversation.Id, binding.ChatId, id, tailHtml, facts);
    }

    /// <summary>Stores where the card was posted, in <paramref name="session"/>: for edits in place, for the order's
    /// refreshes, and so that its topic no longer waits for a card.</summary>
    public async Task StoreCardAsync(DbSession session, CardMessage card)
    {
        await cards.SetAsync(session, card);
        await orderCards.SetMessageAsync(session, card.ConversationId, card.ChatId, card.MessageId);
        await conversations.CardStoredAsync(session, card.ConversationId);
    }

    private async Task<ThreadBinding> OpenAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        TopicMarks look;
        await using (var read = await DbSession.ReadAsync(connections, cancellationToken))
        {
            look = await marks.ReadAsync(read, conversation);
        }

        return await OpenAsync(conversation, staffChatId, look, cancellationToken);
    }

    private async Task<ThreadBinding> OpenAsync(Conversation conversation, long staffChatId, TopicMarks look, CancellationToken cancellationToken)
    {
        var topicId = await chat.CreateTopicAsync(staffChatId, look.Title, cancellationToken);
        var binding = new ThreadBinding(conversation.Id, Audience.Staff, staffChatId, topicId);
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            // Its card is due until stored: should the bridge stop before, the conversation's next post brings it.
            await conversations.SetBindingAsync(session, binding, cardDue: true);
            await session.CommitAsync(cancellationToken);
        }

        LogCreated(conversation.Id, staffChatId, topicId);
        return binding;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created staff topic {TopicId} in chat {ChatId} for conversation {ConversationId}")]
    private partial void LogCreated(long conversationId, long chatId, int topicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff topic {TopicId} of conversation {ConversationId} has no stored order card (the bridge stopped before storing it); posting it now")]
    private partial void LogCardDue(long conversationId, int? topicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff topic {TopicId} of conversation {ConversationId} was deleted; creating a new one")]
    private partial void LogRecreating(long conversationId, int topicId);
}
