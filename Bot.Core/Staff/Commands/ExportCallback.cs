using Bot.Core.Chat;
using Bot.Core.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>The "Export" button under a topic's order card: the same as /export.</summary>
public sealed class ExportCallback(
    CallbackConversations topics,
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

        var conversation = await topics.FindAsync(callback, cancellationToken);

        // Answered first: rendering a long conversation may take longer than Telegram waits for an answer.
        await chat.AnswerCallbackAsync(callback.CallbackId, conversation is null ? "This conversation no longer exists." : "Preparing the transcript…", cancellationToken);
        if (conversation is not null)
        {
            await export.PostAsync(conversation.Id, callback.ChatId, callback.TopicId, null, cancellationToken);
        }

        return true;
    }
}
