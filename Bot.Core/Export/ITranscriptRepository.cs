using Bot.Core.Messages;
using Bot.Core.Storage;

namespace Bot.Core.Export;

/// <summary>Reads a conversation's record in three queries, whatever its length.</summary>
public interface ITranscriptRepository
{
    /// <summary>Every message of the conversation.</summary>
    Task<IReadOnlyList<StoredMessage>> GetMessagesAsync(DbSession session, long conversationId);

    /// <summary>Every copy made of the conversation's messages, by message and part.</summary>
    Task<IReadOnlyList<MessageCopy>> GetCopiesAsync(DbSession session, long conversationId);

    /// <summary>The newest marketplace delivery of each of the conversation's messages that has one.</summary>
    Task<IReadOnlyList<SendState>> GetSendStatesAsync(DbSession session, long conversationId);
}
