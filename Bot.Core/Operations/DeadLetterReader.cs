using System.Globalization;
using Bot.Core.Chat;
using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.Options;

namespace Bot.Core.Operations;

/// <summary>Reads the latest dead letters with their conversation (order or chat id, buyer) and staff topic.</summary>
public sealed class DeadLetterReader(IDbConnectionFactory connections, IOptions<StaffChatOptions> staffChat)
{
    private const string Latest = """
        SELECT o.id AS Id, o.kind AS Kind, o.attempts AS Attempts, o.last_error AS LastError,
               c.kind AS ConversationKind, c.external_id AS ExternalId, c.buyer_name AS BuyerName,
               t.chat_id AS TopicChatId, t.topic_id AS TopicId
        FROM outbox o
        LEFT JOIN conversations c ON c.id = o.conversation_id
        LEFT JOIN thread_bindings t ON t.conversation_id = o.conversation_id AND t.audience = 'staff'
        WHERE o.status = 'dead'
        ORDER BY o.id DESC
        LIMIT @limit
        """;

    public async Task<IReadOnlyList<DeadLetter>> LatestAsync(int limit, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(Latest, new { limit }, cancellationToken: cancellationToken));
        return rows.Select(r => new DeadLetter(r.Id, r.Kind, (int)r.Attempts, r.LastError, r.ConversationKind, r.ExternalId, r.BuyerName,
            TopicLink(r.TopicChatId ?? staffChat.Value.StaffChatId, r.TopicId))).ToList();
    }

    /// <summary>The ids of the dead letters (of one conversation, when given), for watching what /retry requeues.</summary>
    public async Task<IReadOnlyList<long>> DeadIdsAsync(long? conversationId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var sql = conversationId is null ? "SELECT id FROM outbox WHERE status = 'dead'" : "SELECT id FROM outbox WHERE status = 'dead' AND conversation_id = @conversationId";
        return (await connection.QueryAsync<long>(new CommandDefinition(sql, new { conversationId }, cancellationToken: cancellationToken))).AsList();
    }

    /// <summary>The conversation whose marketplace order or chat id this is; null when none is.</summary>
    public async Task<long?> FindConversationAsync(string externalId, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        return await connection.QueryFirstOrDefaultAsync<long?>(new CommandDefinition(
            "SELECT id FROM conversations WHERE external_id = @externalId ORDER BY id DESC LIMIT 1", new { externalId }, cancellationToken: cancellationToken));
    }

    /// <summary>The t.me link of a topic in a supergroup (chat id -100…); null for other chats or without a topic.</summary>
    public static string? TopicLink(long chatId, long? topicId)
    {
        var id = chatId.ToString(CultureInfo.InvariantCulture);
        return topicId is { } topic && id.StartsWith("-100", StringComparison.Ordinal) && id.Length > 4
            ? string.Create(CultureInfo.InvariantCulture, $"https://t.me/c/{id[4..]}/{topic}")
            : null;
    }

    private sealed class Row
    {
        public long Id { get; set; }

        public string Kind { get; set; } = "";

        public long Attempts { get; set; }

        public string? LastError { get; set; }

        public string? ConversationKind { get; set; }

        public string? ExternalId { get; set; }

        public string? BuyerName { get; set; }

        public long? TopicChatId { get; set; }

        public long? TopicId { get; set; }
    }
}
