namespace Bot.Core.Outbox;

/// <summary>What a <see cref="OutboxKinds.Notice"/> sends: HTML (already escaped), optionally as a reply and with a reaction on that message.</summary>
public sealed record NoticePayload(
    long ChatId,
    int? TopicId,
    string Html,
    int? ReplyToMessageId = null,
    string? ReactionEmoji = null,
    IReadOnlyList<IReadOnlyList<Chat.ChatButton>>? Buttons = null);
