using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Buyers;

/// <summary>Where an order's messages go in a linked buyer's private chat: its own topic when the bot has topic mode in
/// private chats (optional, and it regressed once), else the chat itself with order-tagged messages. A
/// topic that cannot be created (the mode was switched off, or Telegram refuses) falls back to the chat.</summary>
public sealed partial class BuyerTopics(
    IChatGateway chat,
    IBotIdentity bot,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ILogger<BuyerTopics> logger)
{
    public async Task<int?> TopicForAsync(BuyerLink link, Conversation conversation, CancellationToken cancellationToken)
    {
        if (!await bot.HasPrivateTopicsAsync(cancellationToken))
        {
            return null;
        }

        await using (var read = await DbSession.ReadAsync(connections, cancellationToken))
        {
            if (await conversations.GetBindingAsync(read, conversation.Id, Audience.Buyer) is { TopicId: { } known } binding && binding.ChatId == link.ChatId)
            {
                return known;
            }
        }

        return await CreateAsync(link, conversation, cancellationToken);
    }

    /// <summary>The buyer deleted the order's topic ("message thread not found"): a new one, like the staff side does.</summary>
    public async Task<int?> RecreateAsync(BuyerLink link, Conversation conversation, int deletedTopicId, CancellationToken cancellationToken)
    {
        LogRecreating(link.ChatId, deletedTopicId, conversation.Id);
        return await CreateAsync(link, conversation, cancellationToken);
    }

    private async Task<int?> CreateAsync(BuyerLink link, Conversation conversation, CancellationToken cancellationToken)
    {
        int topic;
        try
        {
            topic = await chat.CreateTopicAsync(link.ChatId, TopicNames.Of(conversation), cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind is ChatErrorKind.BadRequest or ChatErrorKind.Forbidden)
        {
            LogNoTopic(link.ChatId, e.Message);
            return null;
        }

        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        await conversations.SetBindingAsync(session, new ThreadBinding(conversation.Id, Audience.Buyer, link.ChatId, topic));
        await session.CommitAsync(cancellationToken);
        return topic;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Topic {TopicId} in private chat {ChatId} (conversation {ConversationId}) was deleted; creating a new one")]
    private partial void LogRecreating(long chatId, int topicId, long conversationId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No topic in private chat {ChatId} ({Reason}); using the chat itself")]
    private partial void LogNoTopic(long chatId, string reason);
}
