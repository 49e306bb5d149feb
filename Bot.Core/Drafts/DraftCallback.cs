using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

/// <summary>"✍️ Draft" in a conversation's topic: answered at once, the draft itself written in the background
/// (<see cref="DraftWriter"/>) and posted in the topic. The request is stored before the press is answered, and the
/// writer woken after it.</summary>
public sealed class DraftCallback(
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    DraftQueue queue,
    IChatGateway chat,
    IOptions<DraftOptions> options,
    IOptions<StaffChatOptions> staffChat) : ICallbackHandler
{
    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (!DraftButtons.TryParse(callback.Data, out var upTo) || !staffChat.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        Conversation? conversation = null;
        if (options.Value.Enabled && callback.TopicId is { } topic)
        {
            await using var session = await DbSession.ReadAsync(connections, cancellationToken);
            conversation = await conversations.FindByTopicAsync(session, callback.ChatId, topic);
        }

        var stored = options.Value.Enabled && conversation is not null
            && await queue.TryStoreAsync(new DraftRequest(conversation.Id, callback.ChatId, callback.TopicId, callback.MessageId, upTo, callback.FromName), cancellationToken);
        var answer = !options.Value.Enabled ? "Drafts are turned off."
            : conversation is null ? "This topic belongs to no conversation."
            : stored ? "Drafting a reply…"
            : "Too many drafts are being written: try again in a minute.";
        try
        {
            await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        }
        finally
        {
            // The press is answered before the writer starts, so its answer comes first; a stored request is written
            // even when the answer failed.
            if (stored)
            {
                queue.Wake();
            }
        }

        return true;
    }
}
