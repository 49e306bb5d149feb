using Bot.Core.Export;
using Bot.Core.Messages;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="ITranscriptRepository"/>: a conversation's messages, copies and deliveries.</summary>
internal sealed class SqliteTranscriptRepository : ITranscriptRepository
{
    private const string Messages = """
        SELECT id, conversation_id AS ConversationId, origin, author_role AS Role, author_name AS AuthorName, text, language,
               images_json AS ImagesJson, marketplace_message_id AS MarketplaceMessageId, source_chat_id AS SourceChatId,
               source_message_id AS SourceMessageId, source_file_id AS SourceFileId, created_at AS CreatedAt,
               files_json AS FilesJson, source_file_name AS SourceFileName, source_file_type AS SourceFileType,
               reply_to_message_id AS ReplyToMessageId
        FROM messages WHERE conversation_id = @conversationId ORDER BY id
        """;

    private const string Copies = """
        SELECT c.id, c.message_id AS MessageId, c.target, c.part, c.chat_id AS ChatId, c.topic_id AS TopicId,
               c.remote_message_id AS RemoteMessageId, c.text, c.language, c.provider, c.created_at AS CreatedAt, c.accepted_at AS AcceptedAt
        FROM message_copies c JOIN messages m ON m.id = c.message_id
        WHERE m.conversation_id = @conversationId ORDER BY c.message_id, c.target, c.part, c.id
        """;

    private const string Sends = """
        SELECT o.message_id AS MessageId, o.status, o.last_error AS LastError
        FROM outbox o
        WHERE o.conversation_id = @conversationId AND o.kind = 'marketplace_send' AND o.message_id IS NOT NULL
          AND o.id = (SELECT MAX(i.id) FROM outbox i WHERE i.message_id = o.message_id AND i.kind = 'marketplace_send')
        """;

    public async Task<IReadOnlyList<StoredMessage>> GetMessagesAsync(DbSession session, long conversationId) =>
        (await session.Connection.QueryAsync<StoredMessage>(Messages, new { conversationId }, session.Transaction)).AsList();

    public async Task<IReadOnlyList<MessageCopy>> GetCopiesAsync(DbSession session, long conversationId) =>
        (await session.Connection.QueryAsync<MessageCopy>(Copies, new { conversationId }, session.Transaction)).AsList();

    public async Task<IReadOnlyList<SendState>> GetSendStatesAsync(DbSession session, long conversationId) =>
        (await session.Connection.QueryAsync<SendState>(Sends, new { conversationId }, session.Transaction)).AsList();
}
