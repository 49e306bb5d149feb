using Bot.Core.Conversations;
using Bot.Core.Storage;

namespace Bot.Core.Feedback;

/// <summary>Notes about a conversation's buyer for the staff, in the conversation's staff topic.</summary>
public sealed class StaffTopicNotes(IConversationRepository conversations, Notices notices)
{
    /// <param name="html">Already escaped.</param>
    /// <param name="buttons">Buttons under the note, or null.</param>
    public async Task TellAsync(DbSession session, long conversationId, string html, IReadOnlyList<IReadOnlyList<Chat.ChatButton>>? buttons = null)
    {
        if (await conversations.GetBindingAsync(session, conversationId, Audience.Staff) is { TopicId: { } topic } binding)
        {
            await notices.EnqueueAsync(session, new NoticePayload(binding.ChatId, topic, html, Buttons: buttons), conversationId);
        }
    }
}
