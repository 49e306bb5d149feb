using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Bot.Testing.AliExpress;

/// <summary>Relations, messages and what the bridge did, guarded by one lock (the fake serves requests concurrently).</summary>
internal sealed class FakeAliExpressState(FakeAliExpressServerOptions options, TimeProvider time)
{
    public const long SellerAliId = 2_000_001;

    private readonly Dictionary<string, FakeRelation> _relations = [];
    private readonly Dictionary<string, long> _buyerAliIds = [];
    private long _nextMessageId = 30_000_000_001;
    private long _nextChannelId = 7_000_000_001;

    public object Gate { get; } = new();

    public List<FakeSentMessage> Sent { get; } = [];

    /// <summary>Images accepted by uploadtempimage, in order.</summary>
    public List<byte[]> Uploads { get; } = [];

    public List<string> MarkedRead { get; } = [];

    /// <summary>Every accepted <c>updatemsgprocessed</c>: channel and <c>deal_stat</c>, in order.</summary>
    public List<(string ChannelId, string DealStat)> Processed { get; } = [];

    /// <summary>The Content-Type of the last request of each method.</summary>
    public ConcurrentDictionary<string, string> ContentTypes { get; } = new();

    /// <summary>Methods this app may not call: every call answers the fault (see <c>FakeAliExpressServer.Refuse</c>).</summary>
    public ConcurrentDictionary<string, FakeFault> Refusals { get; } = new();

    public ConcurrentDictionary<string, int> Calls { get; } = new();

    /// <summary>Orders the order APIs tell about, by order id.</summary>
    public ConcurrentDictionary<string, FakeOrder> Orders { get; } = new();

    public ConcurrentDictionary<string, ConcurrentQueue<FakeFault>> Faults { get; } = new();

    public IReadOnlyCollection<FakeRelation> Relations => _relations.Values;

    public FakeRelation? Find(string channelId) => _relations.GetValueOrDefault(channelId);

    public string AddMessage(string channelId, bool isOrder, string buyerLoginId, string buyerName, bool fromBuyer,
        string content, IReadOnlyList<string>? images, string messageType, string externId, DateTimeOffset? at, JsonObject? rawFields = null)
    {
        lock (Gate)
        {
            var relation = GetOrCreate(channelId, isOrder, buyerLoginId, buyerName);
            var id = _nextMessageId++;
            relation.Messages.Add(new FakeMessage(
                id,
                at ?? time.GetUtcNow(),
                fromBuyer ? relation.BuyerLoginId : options.SellerLoginId,
                fromBuyer ? relation.BuyerAliId : SellerAliId,
                fromBuyer ? relation.BuyerName : "Store staff",
                content,
                messageType,
                externId,
                images ?? []) { RawFields = rawFields });
            return id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    /// <summary>The message-center relation of a buyer, created on first contact (like the platform's per-pair channel).</summary>
    public string ChatChannelOf(string buyerLoginId)
    {
        lock (Gate)
        {
            return _relations.Values.FirstOrDefault(r => r.OrderId is null && r.BuyerLoginId == buyerLoginId)?.ChannelId
                ?? (_nextChannelId++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    private FakeRelation GetOrCreate(string channelId, bool isOrder, string buyerLoginId, string buyerName)
    {
        if (!_relations.TryGetValue(channelId, out var relation))
        {
            if (!_buyerAliIds.TryGetValue(buyerLoginId, out var aliId))
            {
                aliId = _buyerAliIds[buyerLoginId] = 1_000_000_001 + _buyerAliIds.Count;
            }

            relation = _relations[channelId] = new FakeRelation(channelId, isOrder ? channelId : null, buyerLoginId, aliId, buyerName);
            if (isOrder)
            {
                // Order comments exist only on an order: the order APIs know it (a test may set it in detail first).
                Orders.TryAdd(channelId, new FakeOrder(channelId, "WAIT_SELLER_SEND_GOODS", [], 0m));
            }
        }

        return relation;
    }
}
