using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>The "Invite to Telegram" button under a topic's order card: the same as /invite.</summary>
public sealed class InviteCallback(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    InviteCommand invite,
    IChatGateway chat,
    IOptions<StaffChatOptions> options) : ICallbackHandler
{
    public const string Data = "invite";

    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Data != Data || !options.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        Conversation? conversation;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            conversation = callback.TopicId is { } topic ? await conversations.FindByTopicAsync(session, callback.ChatId, topic) : null;
        }

        if (conversation is not null)
        {
            // A button press has no message of its own: its press id (from the callback query id) keeps a replay from
            // inviting twice, and never collides with another press after Telegram restarts its update ids.
            await invite.InviteAsync(conversation, callback.ChatId, callback.PressId, callback.FromName, cancellationToken);
        }

        await chat.AnswerCallbackAsync(callback.CallbackId, conversation is null ? "This conversation no longer exists." : "Inviting the buyer…", cancellationToken);
        return true;
    }
}
