using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Staff;

/// <summary>Finds a conversation's staff topic, creating it (with its order card) the first time, and again when a
/// person deleted it. The binding is committed as soon as the topic exists, so a crash cannot create it twice
/// unless it strikes between Telegram's answer and that commit.</summary>
public sealed partial class TopicResolver(
    IChatGateway chat,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IOrderCardRepository cards,
    ILogger<TopicResolver> logger)
{
    public async Task<ThreadBinding> GetOrCreateAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            var existing = await conversations.GetBindingAsync(session, conversation.Id, Audience.Staff);
            if (existing is not null && existing.ChatId == staffChatId)
            {
                return existing;
            }
        }

        return await CreateAsync(conversation, staffChatId, cancellationToken);
    }

    /// <summary>The topic is gone ("message thread not found"): make a new one and point the conversation at it.</summary>
    public async Task<ThreadBinding> RecreateAsync(Conversation conversation, long staffChatId, int deletedTopicId, CancellationToken cancellationToken)
    {
        LogRecreating(conversation.Id, deletedTopicId);
        return await CreateAsync(conversation, staffChatId, cancellationToken);
    }

    private async Task<ThreadBinding> CreateAsync(Conversation conversation, long staffChatId, CancellationToken cancellationToken)
    {
        var topicId = await chat.CreateTopicAsync(staffChatId, TopicNames.Of(conversation), cancellationToken);
        var binding = new ThreadBinding(conversation.Id, Audience.Staff, staffChatId, topicId);
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            await conversations.SetBindingAsync(session, binding);
            await session.CommitAsync(cancellationToken);
        }

        LogCreated(conversation.Id, staffChatId, topicId);
        var card = await chat.SendTextAsync(new ChatText(staffChatId, topicId, StaffFormatter.OrderCard(conversation), Buttons: StaffFormatter.CardButtons), cancellationToken);
        await RememberCardAsync(conversation.Id, staffChatId, card, cancellationToken);
        return binding;
    }

    /// <summary>The card message is kept so the order card can be edited in place when the order changes.</summary>
    private async Task RememberCardAsync(long conversationId, long chatId, int messageId, CancellationToken cancellationToken)
    {
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await cards.SetMessageAsync(session, conversationId, chatId, messageId);
        await session.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Created staff topic {TopicId} in chat {ChatId} for conversation {ConversationId}")]
    private partial void LogCreated(long conversationId, long chatId, int topicId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff topic {TopicId} of conversation {ConversationId} was deleted; creating a new one")]
    private partial void LogRecreating(long conversationId, int topicId);
}
