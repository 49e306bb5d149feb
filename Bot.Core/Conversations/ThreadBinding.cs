namespace Bot.Core.Conversations;

/// <summary>Where a conversation lives in the chat platform for one audience.</summary>
public sealed record ThreadBinding(long ConversationId, string Audience, long ChatId, int? TopicId)
{
    public const string Staff = "staff";
    public const string Buyer = "buyer";
}
