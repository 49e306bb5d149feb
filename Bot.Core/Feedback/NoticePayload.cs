namespace Bot.Core.Feedback;

/// <summary>What a <see cref="Outbox.OutboxKinds.Notice"/> sends: HTML (already escaped), optionally as a reply and with a reaction on that message
/// (one of <see cref="Chat.ChatReactions"/>; skipped where the chat refuses it, since the text says the same).
/// With <see cref="TranslateTo"/>, <see cref="Html"/> is plain English text instead, translated (with the button labels)
/// when the notice is delivered and escaped then: translation never runs inside the transaction that enqueues it.</summary>
public sealed record NoticePayload(
    long ChatId,
    int? TopicId,
    string Html,
    int? ReplyToMessageId = null,
    string? ReactionEmoji = null,
    IReadOnlyList<IReadOnlyList<Chat.ChatButton>>? Buttons = null,
    string? TranslateTo = null);
