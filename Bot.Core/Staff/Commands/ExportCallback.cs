using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>The "Export" button under a topic's order card: the same as /export.</summary>
public sealed class ExportCallback(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    ExportCommand export,
    IChatGateway chat,
    IOptions<StaffChatOptions> options) : ICallbackHandler
{
    public const string Data = "export";

    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Data != Data || !options.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        Conversation? conversation;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            conversation = callback.TopicId is { } topic ? await conversations.FindByTopicAsync(session, callback.ChatId, topic) : null;
        }

        // Answered first: rendering a long conversation may take longer than Telegram waits for an answer.
        await chat.AnswerCallbackAsync(callback.CallbackId, conversation is null ? "This conversation no longer exists." : "Preparing the transcript…", cancellationToken);
        if (conversation is not null)
        {
            await export.PostAsync(conversation.Id, callback.ChatId, callback.TopicId, null, cancellationToken);
        }

        return true;
    }
}
