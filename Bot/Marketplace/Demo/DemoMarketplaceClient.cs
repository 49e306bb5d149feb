using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Demo;

/// <summary>A marketplace of simulated buyers, for trying the bridge before the real marketplace approves the app.
/// New buyers write at a steady pace and answer staff replies (a follow-up question, then thanks). Everything they
/// say follows from the seed and the cursor, so a restart repeats nothing.</summary>
/// <remarks>A staff reply is remembered in memory until the buyer's answer is committed: a restart in between (a
/// few seconds) loses that one answer, never duplicates it.</remarks>
internal sealed partial class DemoMarketplaceClient(
    DemoScript script,
    TimeProvider time,
    IOptions<DemoOptions> options,
    ILogger<DemoMarketplaceClient> logger) : IMarketplaceClient
{
    /// <summary>A fetch returns at most this many messages and reports that it has more.</summary>
    public const int MaxPerFetch = 50;

    private readonly Lock gate = new();
    private readonly Dictionary<int, DemoPendingAnswer> pending = [];
    private int sent;

    public string Marketplace => "demo";

    public string Account => "demo-store";

    /// <summary>No photos or files: the simulated buyers read text only.</summary>
    public MarketplaceCapabilities Capabilities { get; } = new(MaxTextLength: 2000, Attachments: MarketplaceAttachments.None);

    public string? Notice => "Demo marketplace: the buyers are simulated and nothing reaches AliExpress. Set Marketplace__Provider=AliExpress to connect your store.";

    public Task<MarketplaceBatch> FetchAsync(string? cursor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = DemoCursor.TryParse(cursor) ?? DemoCursor.StartingAt(now);
        var messages = new List<MarketplaceMessage>();
        var answers = new Dictionary<string, int>(state.Answers, StringComparer.Ordinal);
        lock (gate)
        {
            foreach (var (index, owed) in pending.OrderBy(p => p.Key).ToList())
            {
                var given = state.AnswersOf(index);
                if (given >= DemoScript.Answers || given >= owed.Given)
                {
                    pending.Remove(index);
                }
                else if (owed.Due <= now && messages.Count < MaxPerFetch)
                {
                    messages.Add(script.Message(index, given + 1, now));
                    answers[DemoCursor.Key(index)] = given + 1;
                    pending[index] = owed with { Given = given + 1 };
                }
            }
        }

        var o = options.Value;
        var due = now < state.StartedAt ? 0 : (int)Math.Min(o.MaxConversations, ((now - state.StartedAt).Ticks / o.NewConversationEvery.Ticks) + 1);
        var next = state.Next;
        for (; next < due && messages.Count < MaxPerFetch; next++)
        {
            messages.Add(script.Message(next, 0, state.StartedAt + (o.NewConversationEvery * next)));
            var buyer = script.Conversation(next);
            LogNewBuyer(next, buyer.Language, buyer.Topic.Id);
        }

        var batch = new MarketplaceBatch(messages, (state with { Next = next, Answers = answers }).Serialize(), next < due);
        return Task.FromResult(batch);
    }

    /// <summary>Accepts the post, and the buyer answers it after <see cref="DemoOptions.ReplyDelay"/>.</summary>
    public Task<MarketplaceSendResult> SendAsync(MarketplaceOutgoing message, CancellationToken cancellationToken)
    {
        if (DemoScript.IndexOf(message.ReplyContext) is { } index)
        {
            lock (gate)
            {
                // A reply while an answer is still owed does not postpone it; one after the answer asks for the next.
                if (!pending.TryGetValue(index, out var owed) || owed.Given is not null)
                {
                    pending[index] = new DemoPendingAnswer(time.GetUtcNow() + options.Value.ReplyDelay);
                }
            }
        }

        var id = Interlocked.Increment(ref sent);
        return Task.FromResult(new MarketplaceSendResult(string.Create(CultureInfo.InvariantCulture, $"demo-store-{time.GetUtcNow().ToUnixTimeMilliseconds()}-{id}")));
    }

    public Task MarkReadAsync(string conversationId, ConversationKind kind, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The demo store keeps no read or processed state: nothing is queued to mark it.</summary>
    public bool MarksRead => false;

    public bool MarksProcessed => false;

    /// <summary>Plausible facts for a demo order (<see cref="DemoOrderFacts"/>); the refund buyer's order has a dispute.</summary>
    public Task<OrderFacts?> GetOrderFactsAsync(string orderId, CancellationToken cancellationToken) =>
        Task.FromResult(DemoOrderFacts.IndexOf(orderId) is { } index ? DemoOrderFacts.For(script.Conversation(index), time.GetUtcNow()) : null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo buyer {Index} writes ({Language}, about {Topic})")]
    private partial void LogNewBuyer(int index, string language, string topic);
}
