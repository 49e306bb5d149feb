using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Routing;

/// <summary>The conversation whose staff topic a button was pressed in: what every order-card button acts on.</summary>
public sealed class CallbackConversations(IDbConnectionFactory connections, IConversationRepository conversations)
{
    /// <returns>Null for a press outside any conversation's topic (the general topic, or a topic since removed).</returns>
    public async Task<Conversation?> FindAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.TopicId is not { } topic)
        {
            return null;
        }

        await using var session = await DbSession.ReadAsync(connections, cancellationToken);
        return await conversations.FindByTopicAsync(session, callback.ChatId, topic);
    }
}
