using Bot.Core.Chat;
using Bot.Core.Routing;

namespace Bot.Core.Workflow;

/// <summary>The order card's "🙋 Take" button: what /claim does, answered with a short notice.</summary>
public sealed class ClaimCallback(
    CallbackConversations topics,
    ConversationClaims claims,
    IChatGateway chat,
    Microsoft.Extensions.Options.IOptions<StaffChatOptions> options) : ICallbackHandler
{
    public const string Data = "claim";

    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Data != Data || !options.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        var conversation = await topics.FindAsync(callback, cancellationToken);

        var answer = conversation is null
            ? "This topic belongs to no conversation."
            : await claims.ClaimAsync(conversation, callback.ChatId, callback.TopicId!.Value, callback.FromUserId, callback.FromName, null, cancellationToken);
        await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        return true;
    }
}
