using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Export;

namespace Bot.Core.Staff.Commands;

/// <summary>/export in a conversation's topic: the whole conversation as an HTML file (and a PDF where the host renders
/// one), posted into the topic as a reply to the command.</summary>
public sealed class ExportCommand(TranscriptReader reader, TranscriptExport export) : IStaffCommand
{
    public string Name => "export";

    public Task HandleAsync(IncomingChatMessage message, Conversation conversation, string arguments, CancellationToken cancellationToken) =>
        PostAsync(conversation.Id, message.ChatId, message.TopicId, message.MessageId, cancellationToken);

    /// <returns>False when the conversation no longer exists.</returns>
    public async Task<bool> PostAsync(long conversationId, long chatId, int? topicId, int? replyTo, CancellationToken cancellationToken)
    {
        if (await reader.ReadAsync(conversationId, cancellationToken) is not { } transcript)
        {
            return false;
        }

        await export.SendAsync(transcript, chatId, topicId, replyTo, cancellationToken);
        return true;
    }
}
