namespace Bot.Core.Chat;

/// <summary>An HTML message to one chat, optionally into a topic, as a reply, with buttons.</summary>
public sealed record ChatText(
    long ChatId,
    int? TopicId,
    string Html,
    int? ReplyToMessageId = null,
    IReadOnlyList<IReadOnlyList<ChatButton>>? Buttons = null);
