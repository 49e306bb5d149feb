using Bot.Core.Chat;
using Bot.Core.Routing;
using Microsoft.Extensions.Options;

namespace Bot.Core.Workflow;

/// <summary>The order card's "👐 Release" button, shown once someone has the conversation: what /unclaim does, answered
/// with a short notice.</summary>
public sealed class UnclaimCallback(
    CallbackConversations topics,
    ConversationClaims claims,
    IChatGateway chat,
    IOptions<StaffChatOptions> options) : ICallbackHandler
{
    public const string Data = "unclaim";

    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Data != Data || !options.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        if (await topics.FindAsync(callback, cancellationToken) is not { } conversation)
        {
            await chat.AnswerCallbackAsync(callback.CallbackId, "This topic belongs to no conversation.", cancellationToken);
            return true;
        }

        await claims.UnclaimAsync(conversation, callback.ChatId, callback.TopicId!.Value, callback.FromName, null, cancellationToken);
        await chat.AnswerCallbackAsync(callback.CallbackId, "Anyone may take this conversation now.", cancellationToken);
        return true;
    }
}
