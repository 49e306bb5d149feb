using Bot.Core.Messages;
using Bot.Core.Storage;
using Dapper;

namespace Bot.Core.Sqlite;

/// <summary>A message's copies (what was posted where, in which language and part): read, added and marked.</summary>
internal sealed partial class SqliteMessageRepository
{
    // Read by every delivery of a message.
    private static readonly Statement CopiesOfOne = new(
        $"SELECT {CopyColumns} FROM message_copies WHERE message_id = @messageId AND target = @target ORDER BY part", "@messageId", "@target");

    public async Task<IReadOnlyList<MessageCopy>> GetCopiesAsync(DbSession session, long messageId, CopyTarget target) =>
        await CopiesOfOne.QueryAsync(session, ReadCopy, messageId, StoredEnum.Name(target));

    public async Task<IReadOnlyList<MessageCopy>> GetCopiesOfAsync(DbSession session, IReadOnlyList<long> messageIds, CopyTarget target)
    {
        var (statement, values) = CopiesOf.For(messageIds, StoredEnum.Name(target));
        return await statement.QueryAsync(session, ReadCopy, values);
    }

    private static readonly IdList CopiesOf =
        new($"SELECT {CopyColumns} FROM message_copies WHERE message_id IN ({{0}}) AND target = @target ORDER BY message_id, part", "@target");

    /// <summary>A row in the order of <see cref="CopyColumns"/>.</summary>
    private static MessageCopy ReadCopy(System.Data.Common.DbDataReader r) => new()
    {
        Id = r.GetInt64(0),
        MessageId = r.GetInt64(1),
        Target = StoredEnum.Parse<CopyTarget>(r.GetString(2)),
        Part = (int)r.GetInt64(3),
        ChatId = Statement.Int64OrNull(r, 4),
        TopicId = Statement.Int64OrNull(r, 5),
        RemoteMessageId = Statement.StringOrNull(r, 6),
        Text = Statement.StringOrNull(r, 7),
        Language = Statement.StringOrNull(r, 8),
        Provider = Statement.StringOrNull(r, 9),
        CreatedAt = Statement.Time(r, 10),
        AcceptedAt = Statement.TimeOrNull(r, 11),
    };

    private static readonly Statement CopyInsert = new(
        """
        INSERT INTO message_copies (message_id, target, part, chat_id, topic_id, remote_message_id, text, language, provider, created_at)
        VALUES (@MessageId, @Target, @Part, @ChatId, @TopicId, @RemoteMessageId, @Text, @Language, @Provider, @at)
        RETURNING id
        """,
        "@MessageId", "@Target", "@Part", "@ChatId", "@TopicId", "@RemoteMessageId", "@Text", "@Language", "@Provider", "@at");

    public async Task<long> AddCopyAsync(DbSession session, MessageCopy copy) =>
        (await CopyInsert.QueryAsync(
            session,
            r => r.GetInt64(0),
            copy.MessageId, StoredEnum.Name(copy.Target), copy.Part, copy.ChatId, copy.TopicId, copy.RemoteMessageId, copy.Text, copy.Language, copy.Provider, time.GetUtcNow()))[0];

    private const int CopyColumnCount = 9;

    public async Task AddCopiesAsync(DbSession session, IReadOnlyList<MessageCopy> copies)
    {
        if (copies.Count <= 1)
        {
            foreach (var copy in copies)
            {
                await AddCopyAsync(session, copy);
            }

            return;
        }

        var values = new object?[copies.Count * CopyColumnCount + 1];
        for (var i = 0; i < copies.Count; i++)
        {
            var copy = copies[i];
            var at = i * CopyColumnCount;
            values[at] = copy.MessageId;
            values[at + 1] = StoredEnum.Name(copy.Target);
            values[at + 2] = copy.Part;
            values[at + 3] = copy.ChatId;
            values[at + 4] = copy.TopicId;
            values[at + 5] = copy.RemoteMessageId;
            values[at + 6] = copy.Text;
            values[at + 7] = copy.Language;
            values[at + 8] = copy.Provider;
        }

        values[^1] = time.GetUtcNow();
        await CopiesInsert.GetOrAdd(copies.Count, BuildCopiesInsert).ExecuteAsync(session, values);
    }

    // One statement per number of rows (a send carries at most a lane run's posts), prepared once each.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<int, Statement> CopiesInsert = new();

    private static Statement BuildCopiesInsert(int rows)
    {
        var row = new[] { "m", "g", "p", "c", "t", "r", "x", "l", "v" };
        var names = Enumerable.Range(0, rows).SelectMany(i => row.Select(n => $"@{n}{i}")).Append("@at").ToArray();
        return new Statement(
            "INSERT INTO message_copies (message_id, target, part, chat_id, topic_id, remote_message_id, text, language, provider, created_at) VALUES " +
            string.Join(", ", Enumerable.Range(0, rows).Select(i => $"(@m{i}, @g{i}, @p{i}, @c{i}, @t{i}, @r{i}, @x{i}, @l{i}, @v{i}, @at)")),
            names);
    }

    // The seller side's echoes and the marketplace's acceptance of staff replies: read and written with every reply.
    private static readonly Statement EchoCandidates = new(
        $"""
        SELECT {CopyColumns} FROM message_copies
        WHERE message_id IN (SELECT id FROM messages WHERE conversation_id = @conversationId)
          AND target = 'marketplace' AND remote_message_id IS NULL AND created_at >= @since
        ORDER BY id DESC
        """,
        "@conversationId", "@since");

    private static readonly Statement SetRemoteId = new("UPDATE message_copies SET remote_message_id = @remoteMessageId WHERE id = @copyId", "@remoteMessageId", "@copyId");

    private static readonly Statement MarkAccepted = new(
        "UPDATE message_copies SET accepted_at = @at, remote_message_id = COALESCE(@remoteMessageId, remote_message_id) WHERE id = @copyId",
        "@at", "@remoteMessageId", "@copyId");

    private static readonly Statement MarkAllAccepted = new(
        "UPDATE message_copies SET accepted_at = @at WHERE message_id = @messageId AND target = 'marketplace' AND accepted_at IS NULL", "@at", "@messageId");

    public async Task<IReadOnlyList<MessageCopy>> GetEchoCandidatesAsync(DbSession session, long conversationId, DateTimeOffset since) =>
        await EchoCandidates.QueryAsync(session, ReadCopy, conversationId, since);

    public Task SetRemoteIdAsync(DbSession session, long copyId, string remoteMessageId) => SetRemoteId.ExecuteAsync(session, remoteMessageId, copyId);

    public Task MarkAcceptedAsync(DbSession session, long copyId, string? remoteMessageId) =>
        MarkAccepted.ExecuteAsync(session, time.GetUtcNow(), remoteMessageId, copyId);

    public Task SetCopyTextAsync(DbSession session, long copyId, string text) =>
        session.Connection.ExecuteAsync("UPDATE message_copies SET text = @text WHERE id = @copyId", new { copyId, text }, session.Transaction);

    public Task MarkAllAcceptedAsync(DbSession session, long messageId) => MarkAllAccepted.ExecuteAsync(session, time.GetUtcNow(), messageId);
}
