using Bot.Core.Chat;
using Bot.Core.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Staff.Commands;

/// <summary>The "Invite to Telegram" button under a topic's order card: the same as /invite.</summary>
public sealed class InviteCallback(
    CallbackConversations topics,
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

        var conversation = await topics.FindAsync(callback, cancellationToken);

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
