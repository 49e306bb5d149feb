using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Feedback;
using Bot.Core.Formatting;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Staff;

/// <summary>A staff member edited a message in a conversation's topic. Marketplace posts cannot be edited, so staff
/// are told what happened: a reply not yet delivered goes out with the edited text; one already sent stays as it
/// was, with a note saying so; an edit of something that was never relayed is not sent either.</summary>
public sealed partial class StaffEditHandler(
    IDbConnectionFactory connections,
    IStaffEditRepository edits,
    Notices notices,
    ILogger<StaffEditHandler> logger)
{
    internal const string EditedAfterSending = "✏️ Edited after it was sent; the marketplace keeps the original. Send a new message to correct it.";
    internal const string EditWillBeSent = "✏️ Edited before it was delivered: the marketplace gets the edited text.";
    internal const string EditNotApplied = "✏️ This edit cannot be sent (it is empty or a command); the original text goes to the marketplace.";
    internal const string EditNotRelayed = "✏️ Edits are not relayed and this message was not sent before; send a new message instead.";

    public async Task HandleAsync(IncomingChatMessage edited, Conversation conversation, CancellationToken cancellationToken)
    {
        var text = edited.Text?.Trim() ?? "";
        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var (id, state) = await edits.FindAsync(session, edited.ChatId, edited.MessageId);
        var note = state switch
        {
            StaffEditState.Unknown => EditNotRelayed,
            StaffEditState.Sent => EditedAfterSending,
            _ when text.Length == 0 || edited.IsCommand => EditNotApplied,
            _ => EditWillBeSent,
        };
        if (note == EditWillBeSent)
        {
            await edits.ReplaceTextAsync(session, id!.Value, text);
        }

        LogEdited(edited.ChatId, edited.MessageId, state);
        await notices.EnqueueAsync(
            session, new NoticePayload(edited.ChatId, edited.TopicId, Html.Escape(note), edited.MessageId), conversation.Id);
        await session.CommitAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff message {MessageId} in chat {ChatId} was edited ({State})")]
    private partial void LogEdited(long chatId, int messageId, StaffEditState state);
}
