namespace Bot.Testing.BotApi;

/// <summary>A forum topic as the fake knows it, including closed and deleted ones.</summary>
public sealed record TopicInfo(int ThreadId, string Name, int IconColor, string? IconCustomEmojiId, bool IsClosed, bool IsDeleted);
