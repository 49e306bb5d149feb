using System.Text.Json;
using Bot.Core.Messages;
using Bot.Core.Storage;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IMessageRepository"/>: messages here, their copies in <c>SqliteMessageRepository.Copies.cs</c>.</summary>
internal sealed partial class SqliteMessageRepository(TimeProvider time) : IMessageRepository
{
    private static readonly Statement MarkSeen = new(
        "INSERT OR IGNORE INTO marketplace_seen (conversation_id, marketplace_message_id) VALUES (@conversationId, @marketplaceMessageId)",
        "@conversationId", "@marketplaceMessageId");

    public async Task<bool> TryMarkSeenAsync(DbSession session, long conversationId, string marketplaceMessageId) =>
        await MarkSeen.ExecuteAsync(session, conversationId, marketplaceMessageId) == 1;

    private static readonly Statement Insert = new(
        """
        INSERT OR IGNORE INTO messages (conversation_id, origin, author_role, author_name, text, images_json, marketplace_message_id,
                                        source_chat_id, source_message_id, source_file_id, created_at,
                                        files_json, source_file_name, source_file_type, reply_to_message_id)
        VALUES (@ConversationId, @Origin, @role, @AuthorName, @Text, @images, @MarketplaceMessageId,
                @SourceChatId, @SourceMessageId, @SourceFileId, @at,
                @files, @SourceFileName, @SourceFileType, @ReplyToMessageId)
        RETURNING id
        """,
        "@ConversationId", "@Origin", "@role", "@AuthorName", "@Text", "@images", "@MarketplaceMessageId",
        "@SourceChatId", "@SourceMessageId", "@SourceFileId", "@at",
        "@files", "@SourceFileName", "@SourceFileType", "@ReplyToMessageId");

    /// <summary>The new message's id; null when the marketplace message was stored before (ignored).</summary>
    public Task<long?> InsertAsync(DbSession session, NewMessage message) =>
        Insert.QueryFirstAsync<long?>(
            session,
            r => r.GetInt64(0),
            null,
            message.ConversationId, StoredEnum.Name(message.Origin), StoredEnum.Name(message.Author), message.AuthorName, message.Text,
            message.ImageUrls is { Count: > 0 } urls ? JsonSerializer.Serialize(urls) : null, message.MarketplaceMessageId,
            message.SourceChatId, message.SourceMessageId, message.SourceFileId, message.SentAt ?? time.GetUtcNow(),
            message.Files is { Count: > 0 } files ? JsonSerializer.Serialize(files) : null, message.SourceFileName, message.SourceFileType,
            message.ReplyToMessageId);

    private const string MessageColumns = """
        id, conversation_id AS ConversationId, origin, author_role AS Role, author_name AS AuthorName, text, language,
        images_json AS ImagesJson, marketplace_message_id AS MarketplaceMessageId, source_chat_id AS SourceChatId,
        source_message_id AS SourceMessageId, source_file_id AS SourceFileId, created_at AS CreatedAt,
        files_json AS FilesJson, source_file_name AS SourceFileName, source_file_type AS SourceFileType,
        reply_to_message_id AS ReplyToMessageId
        """;

    private const string CopyColumns = """
        id, message_id AS MessageId, target, part, chat_id AS ChatId, topic_id AS TopicId, remote_message_id AS RemoteMessageId,
        text, language, provider, created_at AS CreatedAt, accepted_at AS AcceptedAt
        """;

    // Read by every delivery of a message.
    private static readonly Statement ById = new($"SELECT {MessageColumns} FROM messages WHERE id = @id", "@id");

    public Task<StoredMessage?> GetAsync(DbSession session, long id) => ById.QueryFirstAsync<StoredMessage?>(session, ReadMessage, null, id);

    public async Task<IReadOnlyList<StoredMessage>> GetManyAsync(DbSession session, IReadOnlyList<long> ids)
    {
        var (statement, values) = MessagesIn.For(ids);
        return await statement.QueryAsync(session, ReadMessage, values);
    }

    private static readonly IdList MessagesIn = new($"SELECT {MessageColumns} FROM messages WHERE id IN ({{0}})");

    /// <summary>A row in the order of <see cref="MessageColumns"/>.</summary>
    private static StoredMessage ReadMessage(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        ConversationId = r.GetInt64(1),
        Origin = StoredEnum.Parse<MessageOrigin>(r.GetString(2)),
        Role = StoredEnum.Parse<AuthorRole>(r.GetString(3)),
        AuthorName = Statement.StringOrNull(r, 4),
        Text = r.GetString(5),
        Language = Statement.StringOrNull(r, 6),
        ImagesJson = Statement.StringOrNull(r, 7),
        MarketplaceMessageId = Statement.StringOrNull(r, 8),
        SourceChatId = Statement.Int64OrNull(r, 9),
        SourceMessageId = Statement.Int64OrNull(r, 10),
        SourceFileId = Statement.StringOrNull(r, 11),
        CreatedAt = Statement.Time(r, 12),
        FilesJson = Statement.StringOrNull(r, 13),
        SourceFileName = Statement.StringOrNull(r, 14),
        SourceFileType = Statement.StringOrNull(r, 15),
        ReplyToMessageId = Statement.Int64OrNull(r, 16),
    };

    private static readonly Statement SetLanguage = new("UPDATE messages SET language = @language WHERE id = @id", "@language", "@id");

    public Task SetLanguageAsync(DbSession session, long id, string language) => SetLanguage.ExecuteAsync(session, language, id);

    // Staff replies, their edits and their feedback read these with every message: statements, not Dapper.
    private static readonly Statement ByTelegramCopy = new(
        "SELECT message_id FROM message_copies WHERE chat_id = @chatId AND remote_message_id = @remote AND target = 'telegram' LIMIT 1",
        "@chatId", "@remote");

    private static readonly Statement PostedParts = new(
        """
        SELECT c.message_id, m.text, c.text
        FROM message_copies c JOIN messages m ON m.id = c.message_id
        WHERE c.chat_id = @chatId AND c.remote_message_id = @remote AND c.target = 'telegram'
        ORDER BY c.message_id, c.part
        """,
        "@chatId", "@remote");

    private static readonly Statement AuthorRoleOf = new("SELECT author_role FROM messages WHERE id = @id", "@id");

    private static readonly Statement TelegramSource = new(
        """
        SELECT m.source_chat_id, m.source_message_id, b.topic_id
        FROM messages m LEFT JOIN thread_bindings b ON b.conversation_id = m.conversation_id AND b.chat_id = m.source_chat_id
        WHERE m.id = @id
        """,
        "@id");

    public Task<long?> FindByTelegramCopyAsync(DbSession session, long chatId, int telegramMessageId) =>
        ByTelegramCopy.QueryFirstAsync<long?>(session, r => r.GetInt64(0), null, chatId, Remote(telegramMessageId));

    public async Task<IReadOnlyList<PostedPart>> GetPostedPartsAsync(DbSession session, long chatId, int telegramMessageId) =>
        await PostedParts.QueryAsync(
            session,
            r => new PostedPart { MessageId = r.GetInt64(0), Text = Statement.StringOrNull(r, 1) ?? "", Translation = Statement.StringOrNull(r, 2) },
            chatId, Remote(telegramMessageId));

    private static string Remote(int telegramMessageId) => telegramMessageId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task<AuthorRole?> GetAuthorRoleAsync(DbSession session, long? id) =>
        await AuthorRoleOf.QueryFirstAsync(session, r => Statement.StringOrNull(r, 0), null, id) is { } role
            ? StoredEnum.Parse<AuthorRole>(role)
            : null;

    public Task<(long? ChatId, long? MessageId, long? TopicId)> GetTelegramSourceAsync(DbSession session, long? id) =>
        TelegramSource.QueryFirstAsync<(long?, long?, long?)>(
            session, r => (Statement.Int64OrNull(r, 0), Statement.Int64OrNull(r, 1), Statement.Int64OrNull(r, 2)), (null, null, null), id);

    private static readonly Statement StaffPostShape = new(
        """
        SELECT EXISTS (SELECT 1 FROM thread_bindings WHERE conversation_id = @conversationId AND audience = 'staff'),
               (SELECT images_json FROM messages WHERE id = @messageId),
               (SELECT files_json FROM messages WHERE id = @messageId)
        """,
        "@conversationId", "@messageId");

    public async Task<(long HasStaffTopic, string? ImagesJson, string? FilesJson)> GetStaffPostShapeAsync(DbSession session, long? conversationId, long? messageId) =>
        (await StaffPostShape.QueryAsync(
            session,
            r => (Statement.Flag(r, 0), Statement.StringOrNull(r, 1), Statement.StringOrNull(r, 2)),
            conversationId, messageId))[0];

    // Asked once per dispatch round for the heads that are staff posts.
    private static readonly IdList StaffPostShapes = new(
        """
        SELECT m.id, EXISTS (SELECT 1 FROM thread_bindings b WHERE b.conversation_id = m.conversation_id AND b.audience = 'staff'),
               m.images_json, m.files_json
        FROM messages m WHERE m.id IN ({0})
        """);

    public async Task<IReadOnlyDictionary<long, (long HasStaffTopic, string? ImagesJson, string? FilesJson)>> GetStaffPostShapesAsync(DbSession session, IReadOnlyList<long> messageIds)
    {
        var shapes = new Dictionary<long, (long HasStaffTopic, string? ImagesJson, string? FilesJson)>(messageIds.Count);
        if (messageIds.Count == 0)
        {
            return shapes;
        }

        var (statement, values) = StaffPostShapes.For(messageIds);
        var rows = await statement.QueryAsync(
            session, r => (Id: r.GetInt64(0), HasStaffTopic: Statement.Flag(r, 1), ImagesJson: Statement.StringOrNull(r, 2), FilesJson: Statement.StringOrNull(r, 3)), values);
        foreach (var row in rows)
        {
            shapes[row.Id] = (row.HasStaffTopic, row.ImagesJson, row.FilesJson);
        }

        return shapes;
    }
}
