using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Formatting;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Routing;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.Drafts;

/// <summary>"📤 Send" under a draft: the draft becomes a staff reply by the person who pressed, through the normal
/// reply path (stored, then the outbox translates it into the buyer's language and posts it on the marketplace). The
/// reply is keyed by the draft's Telegram message, so a second press (or the same press delivered twice) sends nothing
/// more.</summary>
public sealed partial class DraftSendCallback(
    IDbConnectionFactory connections,
    IDraftRepository drafts,
    IConversationRepository conversations,
    IMessageRepository messages,
    IOutboxRepository outbox,
    IChatGateway chat,
    IOptions<StaffChatOptions> staffChat,
    ILogger<DraftSendCallback> logger) : ICallbackHandler
{
    public async Task<bool> TryHandleAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        if (callback.Data != DraftButtons.Send || !staffChat.Value.IsStaffChat(callback.ChatId))
        {
            return false;
        }

        string answer;
        var sent = false;
        await using (var session = await DbSession.BeginAsync(connections, cancellationToken))
        {
            var draft = await drafts.FindAsync(session, callback.ChatId, callback.MessageId);
            var conversation = draft is null ? null : await conversations.GetAsync(session, draft.ConversationId);
            if (draft is null || conversation is null)
            {
                answer = "This draft is no longer available: copy it and reply instead.";
            }
            else if (await messages.InsertAsync(session, new NewMessage(
                conversation.Id, MessageOrigin.Telegram, AuthorRole.Staff, callback.FromName, draft.Text,
                SourceChatId: callback.ChatId, SourceMessageId: callback.MessageId)) is { } id)
            {
                await outbox.EnqueueAsync(session, new OutboxEntry(OutboxKinds.MarketplaceSend, OutboxKinds.MarketplaceLane(conversation.Id), conversation.Id, id));
                answer = "Sending the draft to the buyer.";
                sent = true;
            }
            else
            {
                answer = "This draft was already sent.";
            }

            await session.CommitAsync(cancellationToken);
        }

        await chat.AnswerCallbackAsync(callback.CallbackId, answer, cancellationToken);
        if (sent)
        {
            LogSent(callback.ChatId, callback.MessageId);
            await MarkSentAsync(callback, cancellationToken);
        }

        return true;
    }

    /// <summary>Takes the Send button away, saying who sent it. Best-effort: the reply is already on its way.</summary>
    private async Task MarkSentAsync(IncomingCallback callback, CancellationToken cancellationToken)
    {
        Draft? draft;
        await using (var session = await DbSession.ReadAsync(connections, cancellationToken))
        {
            draft = await drafts.FindAsync(session, callback.ChatId, callback.MessageId);
        }

        try
        {
            var html = $"✍️ <b>Draft</b> <i>(sent by {Html.Escape(callback.FromName)})</i>\n\n{Html.Escape(draft!.Text)}";
            await chat.EditTextAsync(callback.MessageId, new ChatText(callback.ChatId, null, html), cancellationToken);
        }
        catch (ChatDeliveryException e)
        {
            LogMarkFailed(callback.MessageId, e.Kind);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Draft message {MessageId} in chat {ChatId} sent as a staff reply")]
    private partial void LogSent(long chatId, int messageId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Could not take the Send button off draft message {MessageId}: {Kind}")]
    private partial void LogMarkFailed(int messageId, ChatErrorKind kind);
}
