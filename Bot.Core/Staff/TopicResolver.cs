using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Drafts;
using Bot.Core.Marketplace;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff;

/// <summary>Finds a conversation's staff topic, creating it the first time, and again when a person deleted it. The
/// binding is committed as soon as the topic exists, so a crash cannot create it twice unless it strikes between
/// Telegram's answer and that commit. The order card goes alone, or (<see cref="GetOrOpenAsync"/>) with the
/// conversation's first messages in one Telegram message; either way its message is stored for edits in place.</summary>
public sealed partial class TopicResolver(
    IChatGateway chat,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ICardMessageRepository cards,
    IOrderCardRepository orderCards,
    IOptions<DraftOptions> drafts,
    IMarketplaceClient marketplace,
    ILogger<TopicResolver> logger)
{
    public async Task<ThreadBinding> GetOrCreateAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        var (binding, cardPending) = await GetOrOpenAsync(conversation, staffChatId, cancellationToken);
        if (cardPending)
        {
            await SendCardAsync(conversation, binding, null, cancellationToken);
        }

        return binding;
    }

    /// <summary>The conversation's topic; a new one is made without its card (<c>CardPending</c>), which the caller sends
    /// with <see cref="SendCardAsync"/>, with the first messages under it.</summary>
    public async Task<(ThreadBinding Binding, bool CardPending)> GetOrOpenAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            var existing = await conversations.GetBindingAsync(session, conversation.Id, Audience.Staff);
            if (existing is not null && existing.ChatId == staffChatId)
            {
                return (existing, false);
            }
        }

        return (await OpenAsync(conversation, staffChatId, cancellationToken), true);
    }

    /// <summary>The topic is gone ("message thread not found"): make a new one, with its card, and point the conversation at it.</summary>
    public async Task<ThreadBinding> RecreateAsync(Conversation conversation, long staffChatId, int deletedTopicId, CancellationToken cancellationToken)
    {
        LogRecreating(conversation.Id, deletedTopicId);
        var binding = await OpenAsync(conversation, staffChatId, cancellationToken);
        await SendCardAsync(conversation, binding, null, cancellationToken);
        return binding;
    }

    /// <summary>Posts the order card (with <paramref name="tailHtml"/> under it, when given) and stores its message.</summary>
    /// <returns>The Telegram message id.</returns>
    public async Task<int> SendCardAsync(Conversation conversation, ThreadBinding binding, string? tailHtml, CancellationToken cancellationToken)
    {
        var id = await chat.SendTextAsync(
            new ChatText(binding.ChatId, binding.TopicId, StaffFormatter.CardMessage(conversation, tailHtml), Buttons: DraftButtons.WithCard(StaffFormatter.CardButtons(marketplace.Capabilities.InvitesAllowed), drafts.Value)), cancellationToken);
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await cards.SetAsync(session, new CardMessage(conversation.Id, binding.ChatId, id, tailHtml));
        await orderCards.SetMessageAsync(session, conversation.Id, binding.ChatId, id);
        await session.CommitAsync(cancellationToken);
        return id;
    }

    private async Task<ThreadBinding> OpenAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        var topicId = await chat.CreateTopicAsync(staffChatId, TopicNames.Of(conversation), cancellationToken);
        var binding = new ThreadBinding(conversation.Id, Audience.Staff, staffChatId, topicId);
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await conversations.SetBindingAsync(session, binding);
            await session.CommitAsync(cancellationToken);
        }

        LogCreated(conversation.Id, staffChatId, topicId);
        return binding;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created staff topic {TopicId} in chat {ChatId} for conversation {ConversationId}")]
    private partial void LogCreated(long conversationId, long chatId, int topicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff topic {TopicId} of conversation {ConversationId} was deleted; creating a new one")]
    private partial void LogRecreating(long conversationId, int topicId);
}
