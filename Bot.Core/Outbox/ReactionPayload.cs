namespace Bot.Core.Outbox;

public sealed record ReactionPayload(long ChatId, int MessageId, string Emoji);
