using System.Collections.Concurrent;
using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Testing;

/// <summary>A marketplace in memory that behaves like AliExpress where the bridge cares: the cursor is a position in
/// the message log, posts come back as seller messages without the id the send returned (echoes), and faults can be
/// injected per call.</summary>
public sealed class InMemoryMarketplace : IMarketplaceClient
{
    private readonly Lock gate = new();
    private readonly List<MarketplaceMessage> log = [];
    private readonly ConcurrentQueue<Exception> sendFaults = new();
    private readonly ConcurrentQueue<Exception> fetchFaults = new();
    private int nextId = 1000;

    public string Marketplace => "fake";

    public string Account => "store-1";

    public MarketplaceCapabilities Capabilities { get; set; } = new(MaxTextLength: 2000);

    /// <summary>Every accepted send, in order.</summary>
    public ConcurrentQueue<MarketplaceOutgoing> Sent { get; } = new();

    public ConcurrentQueue<string> MarkedRead { get; } = new();

    /// <summary>Conversations marked processed (answered), in order.</summary>
    public ConcurrentQueue<string> MarkedProcessed { get; } = new();

    /// <summary>Whether this marketplace says marking read does something (as AliExpress's versiontwo family with
    /// the setting on); false as Wildberries.</summary>
    public bool MarksRead { get; set; } = true;

    public bool MarksProcessed { get; set; } = true;

    /// <summary>Echo the bridge's sends back as seller messages in later fetches, like AliExpress does.</summary>
    public bool EchoSends { get; set; } = true;

    /// <summary>At most this many messages per fetch (then HasMore).</summary>
    public int PageSize { get; set; } = 100;

    public int FetchCount { get; private set; }

    /// <summary>The clock that dates new messages (a test's fake clock, for waits measured in simulated time).</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>While set, every send fails with this (an outage), after any queued faults.</summary>
    public Exception? SendOutage { get; set; }

    /// <summary>Called after each accepted send (e.g. to break something between two parts).</summary>
    public Action<MarketplaceOutgoing>? AfterSend { get; set; }

    public string AddBuyerMessage(string orderId, string text, string buyerId = "buyer-1", string buyerName = "Ana", ConversationKind kind = ConversationKind.Order, IReadOnlyList<string>? images = null, OrderCard? card = null) =>
        Add(new MarketplaceMessage(NewId(), orderId, kind, MarketplaceAuthor.Buyer, buyerId, buyerName, text, images ?? [], Clock.GetUtcNow(), card ?? new OrderCard(OrderId: kind == ConversationKind.Order ? orderId : null)));

    /// <summary>A message the store wrote in the marketplace's seller center (not through the bridge).</summary>
    public string AddSellerMessage(string orderId, string text, string buyerId = "buyer-1", ConversationKind kind = ConversationKind.Order) =>
        Add(new MarketplaceMessage(NewId(), orderId, kind, MarketplaceAuthor.Seller, buyerId, null, text, [], Clock.GetUtcNow()));

    /// <summary>Puts a message in the log again (the platform re-listing something already delivered).</summary>
    public void Replay(string messageId)
    {
        lock (gate)
        {
            log.Add(log.First(m => m.MessageId == messageId));
        }
    }

    public void FailNextSend(Exception error) => sendFaults.Enqueue(error);

    public void FailNextFetch(Exception error) => fetchFaults.Enqueue(error);

    public Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        if (fetchFaults.TryDequeue(out var fault))
        {
            throw fault;
        }

        lock (gate)
        {
            FetchCount++;
            var position = cursor is null ? 0 : int.Parse(cursor, CultureInfo.InvariantCulture);
            var page = log.Skip(position).Take(PageSize).ToList();
            var next = position + page.Count;
            return Task.FromResult(new MarketplaceBatch(page, next.ToString(CultureInfo.InvariantCulture), next < log.Count));
        }
    }

    /// <summary>Every accepted image upload, in order; while <see cref="UploadRefusal"/> is set, uploads fail with it.</summary>
    public ConcurrentQueue<byte[]> Uploads { get; } = new();

    public Exception? UploadRefusal { get; set; }

    public Task<string> UploadImageAsync(byte[] data, string fileName, CancellationToken cancellationToken)
    {
        if (UploadRefusal is { } refusal)
        {
            throw refusal;
        }

        Uploads.Enqueue(data);
        return Task.FromResult($"https://images.example/{Uploads.Count}.jpg");
    }

    public Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        if (sendFaults.TryDequeue(out var fault))
        {
            throw fault;
        }

        if (SendOutage is { } outage)
        {
            throw outage;
        }

        Sent.Enqueue(message);
        if (EchoSends)
        {
            Add(new MarketplaceMessage(NewId(), message.ConversationId, message.Kind, MarketplaceAuthor.Seller, message.BuyerId, null, message.Text, message.ImageUrl is { } image ? [image] : [], Clock.GetUtcNow()));
        }

        AfterSend?.Invoke(message);

        return Task.FromResult(new MarketplaceSendResult(null));
    }

    /// <summary>What <see cref="GetOrderFactsAsync"/> answers per order id; an order not here has no facts (null).</summary>
    public ConcurrentDictionary<string, OrderFacts> Orders { get; } = new(StringComparer.Ordinal);

    public Task<OrderFacts?> GetOrderFactsAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(Orders.GetValueOrDefault(orderId));

    public Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken)
    {
        MarkedRead.Enqueue(conversationId);
        return Task.CompletedTask;
    }

    public Task MarkProcessedAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken)
    {
        MarkedProcessed.Enqueue(conversationId);
        return Task.CompletedTask;
    }

    private string Add(MarketplaceMessage message)
    {
        lock (gate)
        {
            log.Add(message);
        }

        return message.MessageId;
    }

    private string NewId() => Interlocked.Increment(ref nextId).ToString(CultureInfo.InvariantCulture);
}
