using Bot.Core.Chat;
using Bot.Core.Conversations;

namespace Bot.Core.Staff;

/// <summary>Sends into a conversation's staff topic, recovering once from a topic that a person deleted (a new
/// topic is made and the mapping updated) or closed (it is reopened, unless someone reopened it meanwhile).</summary>
public sealed class TopicSender(IChatGateway chat, TopicResolver topics, Conversation conversation, ThreadBinding binding)
{
    public ThreadBinding Binding { get; private set; } = binding;

    public async Task<int> SendAsync(Func<long, int?, Task<int>> send, CancellationToken cancellationToken)
    {
        try
        {
            return await send(Binding.ChatId, Binding.TopicId);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.TopicDeleted && Binding.TopicId is { } deleted)
        {
            Binding = await topics.RecreateAsync(conversation, Binding.ChatId, deleted, cancellationToken);
        }
        catch (ChatDeliveryException e) when (e.Kind == ChatErrorKind.TopicClosed && Binding.TopicId is { } closed)
        {
            try
            {
                await chat.ReopenTopicAsync(Binding.ChatId, closed, cancellationToken);
            }
            catch (ChatDeliveryException reopen) when (reopen.IsNotModified)
            {
                // Reopened in between (by the topic tidier or a person): it is open, as wanted.
            }
        }

        return await send(Binding.ChatId, Binding.TopicId);
    }
}
