using Bot.Core.Conversations;
using Bot.Core.Messages;
using Bot.Core.Translation;

namespace Bot.Core.Staff;

/// <summary>A stored message ready to show in a staff topic: loaded, translated, with the copies already made.</summary>
public sealed class PreparedPost(StoredMessage message, Conversation conversation, IReadOnlyList<MessageCopy> copies, TranslationResult translation)
{
    // The parts with the time, as merged posts show them: asked for while deciding what merges, what fits under the card
    // and when sending, so formatted once.
    private IReadOnlyList<string>? timedParts;

    public StoredMessage Message { get; } = message;

    public Conversation Conversation { get; } = conversation;

    public IReadOnlyList<MessageCopy> Copies { get; } = copies;

    public TranslationResult Translation { get; } = translation;

    public IReadOnlyList<string> Parts(bool showTime) =>
        showTime ? timedParts ??= StaffFormatter.Post(Message, Conversation, Translation, showTime: true) : StaffFormatter.Post(Message, Conversation, Translation);

    /// <summary>Whether the post can share a Telegram message with others: text only, in one part, nothing of it sent yet.</summary>
    public bool CanMerge(long staffChatId) =>
        Message.ImageUrls.Count == 0 && Message.Files.Count == 0 && !Copies.Any(c => c.ChatId == staffChatId) && Parts(showTime: true).Count == 1;
}
