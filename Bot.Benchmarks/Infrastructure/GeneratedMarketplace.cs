using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Benchmarks.Infrastructure;

/// <summary>A marketplace that makes its messages up from the cursor (a position), so a run of a million messages
/// holds none of them in memory. Message <c>i</c> belongs to conversation <c>i mod conversations</c>.</summary>
public sealed class GeneratedMarketplace(int conversations, long total, int pageSize, string account = "store-1", Func<long, string>? text = null) : IMarketplaceClient
{
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] Phrases =
    [
        "Hello, when will my order ship? I paid three days ago.",
        "The tracking number does not work, can you check it please?",
        "Do you have this jacket in size XL and in black?",
        "The package arrived but one item is missing.",
        "Thank you, everything is fine!",
    ];

    private long markedRead;

    public string Marketplace => "bench";

    public string Account => account;

    public MarketplaceCapabilities Capabilities { get; } = new(MaxTextLength: 2000);

    public long MarkedRead => Interlocked.Read(ref markedRead);

    /// <summary>Whether marking read does something here (AliExpress's versiontwo family as shipped); false as
    /// Wildberries, where the bridge queues no mark-read.</summary>
    public bool MarksRead { get; init; } = true;

    /// <summary>How many messages the marketplace has; raise it to make more arrive.</summary>
    public long Total { get; set; } = total;

    public static string ConversationId(long index) => $"order-{index.ToString(CultureInfo.InvariantCulture)}";

    public Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var position = cursor is null ? 0 : long.Parse(cursor, CultureInfo.InvariantCulture);
        var end = Math.Min(Total, position + pageSize);
        var page = new List<MarketplaceMessage>((int)(end - position));
        for (var i = position; i < end; i++)
        {
            page.Add(Message(i));
        }

        return Task.FromResult(new MarketplaceBatch(page, end.ToString(CultureInfo.InvariantCulture), end < Total));
    }

    public Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken) =>
        Task.FromResult(new MarketplaceSendResult(null));

    public Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref markedRead);
        return Task.CompletedTask;
    }

    private MarketplaceMessage Message(long i)
    {
        var conversation = i % conversations;
        var orderId = ConversationId(conversation);
        return new MarketplaceMessage(
            $"m{i.ToString(CultureInfo.InvariantCulture)}", orderId, ConversationKind.Order, MarketplaceAuthor.Buyer,
            $"buyer-{conversation.ToString(CultureInfo.InvariantCulture)}", $"Buyer {conversation.ToString(CultureInfo.InvariantCulture)}",
            text?.Invoke(i) ?? Phrases[i % Phrases.Length], [], Epoch.AddSeconds(i), new OrderCard(OrderId: orderId));
    }
}
