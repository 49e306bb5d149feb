using System.Collections;
using Bot.Core.Conversations;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;

namespace Bot.Core.Outbox;

/// <summary>The logging scope of one delivery: outbox id, kind, conversation and the marketplace order (or chat) id,
/// so every line logged while it runs, by the dispatcher or a handler, says which order it was about. The order id comes
/// from <see cref="ConversationLabels"/> when a line is written: for a handler that reads the conversation first thing
/// (<see cref="IDeliveryHandler.ReadsConversation"/>) from that read, otherwise read when the scope begins; before the
/// dispatcher logs an outcome it reads the label if nothing did (<see cref="EnsureLabelAsync"/>).</summary>
public sealed partial class DeliveryLogScope(IConversationRepository conversations, ConversationLabels labels)
{
    /// <summary>Begins the scope. Not in an async method: a scope begun in one ends for its caller when it returns (the
    /// logger keeps scopes in an async-local), so the caller reads the label first (<see cref="EnsureLabelAsync"/>) where
    /// the delivery will not.</summary>
    public IDisposable? Begin(ILogger logger, OutboxItem item) => logger.BeginScope(new Values(item, labels));

    /// <summary>Reads the item's conversation label unless it is known.</summary>
    public async Task EnsureLabelAsync(IDbConnectionFactory connections, OutboxItem item, CancellationToken cancellationToken)
    {
        if (item.ConversationId is { } conversationId && !labels.TryGet(conversationId, out _))
        {
            await using var session = await DbSession.ReadAsync(connections, cancellationToken);
            labels.Remember(conversationId, await conversations.GetKindAndExternalIdAsync(session, conversationId));
        }
    }

    /// <summary>Before an outcome other than a plain success is logged: the conversation's label, where the delivery did
    /// not get as far as reading it. Should that read fail, the lines go without the order id.</summary>
    public async Task LabelBeforeFailureAsync(ILogger logger, IDbConnectionFactory connections, OutboxItem item, CancellationToken cancellationToken)
    {
        try
        {
            await EnsureLabelAsync(connections, item, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            LogNoLabel(logger, e, item.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Delivery {OutboxId}: its conversation's order id could not be read for the log.")]
    private static partial void LogNoLabel(ILogger logger, Exception error, long outboxId);

    /// <summary>The scope's values, the label looked up each time they are read.</summary>
    private sealed class Values(OutboxItem item, ConversationLabels labels) : IReadOnlyList<KeyValuePair<string, object?>>
    {
        public int Count => Items().Count;

        public KeyValuePair<string, object?> this[int index] => Items()[index];

        public IEnumerator<KeyValuePair<string, object?>> GetEnumerator() => Items().GetEnumerator();

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        public override string ToString() => string.Join(", ", Items().Select(v => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{v.Key}={v.Value}")));

        private List<KeyValuePair<string, object?>> Items()
        {
            var values = new List<KeyValuePair<string, object?>>(4) { new("OutboxId", item.Id), new("DeliveryKind", item.Kind) };
            if (item.ConversationId is { } conversationId)
            {
                values.Add(new("ConversationId", conversationId));
                if (labels.TryGet(conversationId, out var label) && label.ExternalId is { } externalId)
                {
                    values.Add(new(label.Kind == ConversationKind.Order ? "OrderId" : "MarketplaceChatId", externalId));
                }
            }

            return values;
        }
    }
}
