namespace Bot.Core.Chat;

/// <summary>A press on an inline button.</summary>
public sealed record IncomingCallback(
    long UpdateId,
    string CallbackId,
    long ChatId,
    int MessageId,
    int? TopicId,
    long FromUserId,
    string FromName,
    string Data);
