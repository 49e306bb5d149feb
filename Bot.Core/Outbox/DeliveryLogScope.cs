using Bot.Core.Storage;
using Dapper;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Outbox;

/// <summary>The logging scope of one delivery: outbox id, kind, conversation and the marketplace order (or chat) id,
/// so every line logged while it runs, by the dispatcher or a handler, says which order it was about.</summary>
public static class DeliveryLogScope
{
    private const string Sql = "SELECT kind, external_id FROM conversations WHERE id = @id";

    public static async Task<IDisposable?> BeginAsync(ILogger logger, IDbConnectionFactory connections, OutboxItem item, CancellationToken cancellationToken)
    {
        var state = new Dictionary<string, object?> { ["OutboxId"] = item.Id, ["DeliveryKind"] = item.Kind };
        if (item.ConversationId is { } conversationId)
        {
            state["ConversationId"] = conversationId;
            await using var connection = await connections.OpenAsync(cancellationToken);
            var row = await connection.QuerySingleOrDefaultAsync<(string? Kind, string? ExternalId)>(Sql, new { id = conversationId });
            if (row.ExternalId is { } externalId)
            {
                state[row.Kind == "order" ? "OrderId" : "MarketplaceChatId"] = externalId;
            }
        }

        return logger.BeginScope(state);
    }
}
