using Bot.Core.Chat;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Bot.Core.Messages;
using Bot.Core.Outbox;
using Bot.Core.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Bot.Core.MarketplaceRelay;

/// <summary>Takes one batch from the marketplace and commits it, with the deliveries it causes and the new cursor,
/// in one transaction: a crash before the commit re-reads the batch, a crash after it loses nothing. Items the adapter
/// could not read are stored for operators in the same transaction and counted once each.</summary>
public sealed partial class MarketplaceIngestor(
    IMarketplaceClient marketplace,
    IDbConnectionFactory connections,
    IConversationRepository conversations,
    IMessageRepository messages,
    IOutboxRepository outbox,
    ICursorRepository cursors,
    EchoMatcher echoes,
    IBuyerFanOut buyers,
    ISetAsideRepository setAside,
    RelayMetrics metrics,
    StaffChatChooser staffChats,
    ILogger<MarketplaceIngestor> logger)
{
    /// <summary>Where an empty poll moved the cursor (an adapter whose window follows the clock moves it on every
    /// poll): used by the next poll but not written, so an idle bridge writes nothing. It is stored with the next batch
    /// that brings anything; after a restart the stored cursor's window is read again, which holds nothing new.</summary>
    private string? heldCursor;

    public string CursorName => $"marketplace:{marketplace.Marketplace}:{marketplace.Account}";

    /// <returns>True when the marketplace has more to give right away.</returns>
    public async Task<bool> PollOnceAsync(CancellationToken cancellationToken) => (await PollAsync(cancellationToken)).HasMore;

    /// <summary>One poll, and what it found: the poller paces itself by it.</summary>
    public async Task<MarketplacePoll> PollAsync(CancellationToken cancellationToken)
    {
        var cursor = heldCursor ?? await cursors.GetAsync(CursorName, cancellationToken);
        var batch = await marketplace.FetchAsync(cursor, cancellationToken);
        if (batch.Messages.Count == 0 && (batch.SetAside ?? []).Count == 0)
        {
            // Nothing happened: no write, so an idle bridge leaves its database untouched.
            heldCursor = batch.NextCursor;
            return new MarketplacePoll(batch.HasMore, 0);
        }

        await using var session = await DbSession.BeginAsync(connections, cancellationToken);
        var seen = new Dictionary<string, Conversation>(StringComparer.Ordinal);
        foreach (var message in batch.Messages)
        {
            await IngestAsync(session, message, seen);
        }

        var newlySetAside = new List<MarketplaceSetAside>();
        foreach (var item in batch.SetAside ?? [])
        {
            if (await setAside.AddAsync(session, marketplace.Marketplace, marketplace.Account, item))
            {
                newlySetAside.Add(item);
            }
        }

        await cursors.SetAsync(session, CursorName, batch.NextCursor);
        await session.CommitAsync(cancellationToken);
        heldCursor = null;
        foreach (var item in newlySetAside)
        {
            metrics.SetAside();
            LogSetAside(item.ConversationId, item.ItemId, item.Reason);
        }

        return new MarketplacePoll(batch.HasMore, batch.Messages.Count);
    }

    /// <param name="seen">Conversations already upserted in this batch: one upsert per conversation per batch.</param>
    private async Task IngestAsync(DbSession session, MarketplaceMessage message, Dictionary<string, Conversation> seen)
    {
        if (!seen.TryGetValue(message.ConversationId, out var conversation))
        {
            conversation = await conversations.UpsertAsync(
                session, marketplace.Marketplace, marketplace.Account, message.Kind, message.ConversationId,
                message.BuyerId, message.BuyerName, message.Card, message.ReplyContext);
            seen[message.ConversationId] = conversation;
        }

        // A buyer's message with something in it is stored, and its row (unique per conversation and marketplace id)
        // is what says it was taken in: one write fewer per message. Messages that leave no row (empty ones, a seller's
        // echo of a staff reply) are remembered apart, so that reading them again skips them again.
        var empty = string.IsNullOrWhiteSpace(message.Text) && message.ImageUrls.Count == 0 && message.Attachments.Count == 0;
        if ((empty || message.Author != MarketplaceAuthor.Buyer) && !await messages.TryMarkSeenAsync(session, conversation.Id, message.MessageId))
        {
            metrics.MarketplaceReread();
            return;
        }

        if (empty)
        {
            LogEmptySkipped(message.ConversationId, message.MessageId);
            return;
        }

        if (message.Author == MarketplaceAuthor.Seller && await echoes.TryMatchAsync(session, conversation.Id, message))
        {
            metrics.EchoMatched();
            return;
        }

        var author = message.Author == MarketplaceAuthor.Buyer ? AuthorRole.Buyer : AuthorRole.Seller;
        if (await messages.InsertAsync(session, new NewMessage(
            conversation.Id, MessageOrigin.Marketplace, author, author == AuthorRole.Buyer ? message.BuyerName : null,
            message.Text, message.ImageUrls, message.MessageId, SentAt: message.SentAt, Files: message.Attachments)) is not { } id)
        {
            // Stored before: read again.
            metrics.MarketplaceReread();
            return;
        }

        await outbox.EnqueueAsync(session, new OutboxEntry(
            OutboxKinds.StaffPost, OutboxKinds.StaffLane(conversation.Id), conversation.Id, id, await staffChats.ChatForAsync(session, conversation.Id)));
        if (author == AuthorRole.Seller)
        {
            await buyers.EnqueueSellerSideAsync(session, conversation.Id, id);
        }

        metrics.Received(author);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Set aside malformed marketplace item {ItemId} in conversation {ConversationId} for operators (/setaside): {Reason}")]
    private partial void LogSetAside(string conversationId, string itemId, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Skipped empty marketplace message {MessageId} in conversation {ConversationId}")]
    private partial void LogEmptySkipped(string conversationId, string messageId);
}
