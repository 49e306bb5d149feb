using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Translation;

namespace Bot.Core.Staff;

/// <summary>A stored message ready to show in a staff topic: loaded, translated, with the copies already made.</summary>
public sealed record PreparedPost(StoredMessage Message, Conversation Conversation, IReadOnlyList<MessageCopy> Copies, TranslationResult Translation)
{
    public IReadOnlyList<string> Parts(bool showTime) => StaffFormatter.Post(Message, Conversation, Translation, showTime);

    /// <summary>Whether the post can share a Telegram message with others: text only, in one part, nothing of it sent yet.</summary>
    public bool CanMerge(long staffChatId) =>
        Message.ImageUrls.Count == 0 && Message.Files.Count == 0 && !Copies.Any(c => c.ChatId == staffChatId) && Parts(showTime: true).Count == 1;
}
