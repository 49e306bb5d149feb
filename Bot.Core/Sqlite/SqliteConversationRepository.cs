using System.Text.Json;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>The SQLite <see cref="IConversationRepository"/>.</summary>
internal sealed class SqliteConversationRepository(TimeProvider time) : IConversationRepository
{
    private const string SelectColumns = """
        SELECT id, marketplace, account, kind, external_id AS ExternalId, buyer_id AS BuyerId, buyer_name AS BuyerName,
               buyer_language AS BuyerLanguage, reply_context AS ReplyContext, card_json AS CardJson
        FROM conversations
        """;

    private static readonly Statement Upsert = new(
        """
        INSERT INTO conversations (marketplace, account, kind, external_id, buyer_id, buyer_name, reply_context, card_json, created_at, last_activity_at)
        VALUES (@marketplace, @account, @kind, @externalId, @buyerId, @buyerName, @replyContext, @cardJson, @now, @now)
        ON CONFLICT (marketplace, account, external_id) DO UPDATE SET
            buyer_id = CASE WHEN TRIM(conversations.buyer_id) = '' THEN excluded.buyer_id ELSE conversations.buyer_id END,
            buyer_name = COALESCE(excluded.buyer_name, conversations.buyer_name),
            reply_context = COALESCE(excluded.reply_context, conversations.reply_context),
            card_json = COALESCE(excluded.card_json, conversations.card_json),
            last_activity_at = excluded.last_activity_at
        RETURNING id, marketplace, account, kind, external_id, buyer_id, buyer_name, buyer_language, reply_context, card_json
        """,
        "@marketplace", "@account", "@kind", "@externalId", "@buyerId", "@buyerName", "@replyContext", "@cardJson", "@now");

    public async Task<Conversation> UpsertAsync(
        DbSession session, string marketplace, string account, ConversationKind kind, string externalId,
        string buyerId, string? buyerName, OrderCard? card, string? replyContext)
    {
        var rows = await Upsert.QueryAsync(
            session,
            ReadRow,
            marketplace, account, StoredEnum.Name(kind), externalId, buyerId, buyerName, replyContext, card is null ? null : JsonSerializer.Serialize(card), time.GetUtcNow());
        return rows[0].ToConversation();
    }

    /// <summary>A row in the order of <see cref="SelectColumns"/>.</summary>
    private static Row ReadRow(System.Data.Common.DbDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
        Statement.StringOrNull(r, 6), Statement.StringOrNull(r, 7), Statement.StringOrNull(r, 8), Statement.StringOrNull(r, 9));

    private static readonly Statement ById = new($"{SelectColumns} WHERE id = @id", "@id");

    public async Task<Conversation?> GetAsync(DbSession session, long id) =>
        (await ById.QueryFirstAsync<Row?>(session, ReadRow, null, id))?.ToConversation();

    // The staff topic's card_due comes with it (GetStaffTopicAsync); other readers take the first four columns.
    private static readonly Statement Binding = new(
        "SELECT conversation_id, audience, chat_id, topic_id, card_due FROM thread_bindings WHERE conversation_id = @conversationId AND audience = @audience",
        "@conversationId", "@audience");

    private static readonly Statement SetBuyerLanguage = new("UPDATE conversations SET buyer_language = @language WHERE id = @id", "@language", "@id");

    public Task SetBuyerLanguageAsync(DbSession session, long id, string language) => SetBuyerLanguage.ExecuteAsync(session, language, id);

    public Task<ThreadBinding?> GetBindingAsync(DbSession session, long conversationId, Audience audience) =>
        Binding.QueryFirstAsync<ThreadBinding?>(
            session,
            ReadBinding,
            null,
            conversationId, StoredEnum.Name(audience));

    private static ThreadBinding ReadBinding(System.Data.Common.DbDataReader r) =>
        new(r.GetInt64(0), StoredEnum.Parse<Audience>(r.GetString(1)), r.GetInt64(2), Statement.Int64OrNull(r, 3) is { } t ? (int)t : null);

    // Read by every reply staff (or a buyer in their topic) writes.
    private static readonly Statement ByTopic = new(
        $"{SelectColumns} WHERE id = (SELECT conversation_id FROM thread_bindings WHERE chat_id = @chatId AND topic_id = @topicId AND audience = @audience LIMIT 1)",
        "@chatId", "@topicId", "@audience");

    public Task<Conversation?> FindByTopicAsync(DbSession session, long chatId, int topicId) => FindByTopicAsync(session, chatId, topicId, Audience.Staff);

    public Task<Conversation?> FindByBuyerTopicAsync(DbSession session, long chatId, int topicId) => FindByTopicAsync(session, chatId, topicId, Audience.Buyer);

    private async Task<Conversation?> FindByTopicAsync(DbSession session, long chatId, int topicId, Audience audience) =>
        (await ByTopic.QueryFirstAsync<Row?>(session, ReadRow, null, chatId, topicId, StoredEnum.Name(audience)))?.ToConversation();

    // Written with each new topic, in the delivery's completion: a prepared statement.
    private static readonly Statement SetBinding = new(
        """
        INSERT INTO thread_bindings (conversation_id, audience, chat_id, topic_id, created_at, card_due)
        VALUES (@ConversationId, @Audience, @ChatId, @TopicId, @now, @due)
        ON CONFLICT (conversation_id, audience) DO UPDATE SET chat_id = excluded.chat_id, topic_id = excluded.topic_id, created_at = excluded.created_at,
            card_due = excluded.card_due
        """,
        "@ConversationId", "@Audience", "@ChatId", "@TopicId", "@now", "@due");

    public Task SetBindingAsync(DbSession session, ThreadBinding binding, bool cardDue = false) =>
        SetBinding.ExecuteAsync(session, binding.ConversationId, StoredEnum.Name(binding.Audience), binding.ChatId, binding.TopicId, time.GetUtcNow(), cardDue ? 1 : 0);

    public Task<(ThreadBinding? Binding, bool CardDue)> GetStaffTopicAsync(DbSession session, long conversationId) =>
        Binding.QueryFirstAsync<(ThreadBinding?, bool)>(
            session, r => (ReadBinding(r), r.GetInt64(4) != 0), (null, false), conversationId, StoredEnum.Name(Audience.Staff));

    private static readonly Statement CardStored = new(
        "UPDATE thread_bindings SET card_due = 0 WHERE conversation_id = @conversationId AND audience = 'staff' AND card_due <> 0", "@conversationId");

    public Task CardStoredAsync(DbSession session, long conversationId) => CardStored.ExecuteAsync(session, conversationId);

    public Task MigrateChatAsync(DbSession session, long oldChatId, long newChatId) =>
        session.Connection.ExecuteAsync(
            "UPDATE thread_bindings SET chat_id = @newChatId WHERE chat_id = @oldChatId",
            new { oldChatId, newChatId },
            session.Transaction);

    private static readonly Statement KindAndExternalId = new("SELECT kind, external_id FROM conversations WHERE id = @id", "@id");

    public Task<(ConversationKind? Kind, string? ExternalId)> GetKindAndExternalIdAsync(DbSession session, long id) =>
        KindAndExternalId.QueryFirstAsync<(ConversationKind? Kind, string? ExternalId)>(
            session, r => (StoredEnum.Parse<ConversationKind>(r.GetString(0)), Statement.StringOrNull(r, 1)), (null, null), id);

    public Task<long?> FindIdByExternalIdAsync(DbSession session, string externalId) =>
        session.Connection.QueryFirstOrDefaultAsync<long?>(
            "SELECT id FROM conversations WHERE external_id = @externalId ORDER BY id DESC LIMIT 1", new { externalId }, session.Transaction);

    public async Task<IReadOnlyList<Conversation>> ListOfBuyerAsync(DbSession session, string marketplace, string account, string buyerId, int limit) =>
        (await session.Connection.QueryAsync<Row>(
            $"{SelectColumns} WHERE marketplace = @marketplace AND account = @account AND buyer_id = @buyerId ORDER BY last_activity_at DESC LIMIT @limit",
            new { marketplace, account, buyerId, limit },
            session.Transaction)).Select(r => r.ToConversation()).ToList();

    private sealed record Row(long Id, string Marketplace, string Account, string Kind, string ExternalId, string BuyerId, string? BuyerName, string? BuyerLanguage, string? ReplyContext, string? CardJson)
    {
        public Conversation ToConversation() => new(
            Id, Marketplace, Account, StoredEnum.Parse<ConversationKind>(Kind), ExternalId, BuyerId, BuyerName, BuyerLanguage, ReplyContext,
            CardJson is null ? null : JsonSerializer.Deserialize<OrderCard>(CardJson));
    }
}
