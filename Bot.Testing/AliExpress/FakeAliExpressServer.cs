using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Bot.Core.Conversations;
using Microsoft.AspNetCore.Builder;

namespace Bot.Testing.AliExpress;

/// <summary>A fake AliExpress IOP server on 127.0.0.1 speaking the message API v2 over real HTTP. It checks app key,
/// session, timestamp (±7200 s of its clock, which may run off the bridge's: <see cref="FakeAliExpressServerOptions.ClockOffset"/>) and signature like the platform, keeps relations and messages, echoes the
/// bridge's posts back as seller messages with new ids, and injects faults on demand. Any process can reach
/// <see cref="BaseUrl"/>; the test that starts it owns and disposes it.</summary>
public sealed partial class FakeAliExpressServer : IAsyncDisposable
{
    private readonly LoopbackServer _server;
    private readonly FakeAliExpressState _state;
    private readonly FakeRequestRouter _router;

    private FakeAliExpressServer(LoopbackServer server, FakeAliExpressState state, FakeRequestRouter router, FakeAliExpressServerOptions options)
    {
        _server = server;
        _state = state;
        _router = router;
        Options = options;
    }

    public FakeAliExpressServerOptions Options { get; }

    /// <summary>E.g. <c>http://127.0.0.1:53117</c>: the bridge's <c>GatewayUrl</c>.</summary>
    public string BaseUrl => _server.Url;

    public string AppKey => Options.AppKey;

    public string AppSecret => Options.AppSecret;

    public string AccessToken => Options.AccessToken;

    public string SellerLoginId => Options.SellerLoginId;

    public static async Task<FakeAliExpressServer> StartAsync(FakeAliExpressServerOptions? options = null, TimeProvider? time = null)
    {
        options ??= new FakeAliExpressServerOptions();
        time ??= TimeProvider.System;
        time = options.ClockOffset == TimeSpan.Zero ? time : new OffsetTimeProvider(time, options.ClockOffset);
        var state = new FakeAliExpressState(options, time);
        var router = new FakeRequestRouter(state, options, time);
        var server = await LoopbackServer.StartAsync(app =>
        {
            app.MapPost("/sync", router.HandleAsync);
            app.MapPost("/rest/{**path}", (Microsoft.AspNetCore.Http.HttpContext context, string path) => router.HandleRestAsync(context, path));
        }, port: options.Port);
        return new FakeAliExpressServer(server, state, router, options);
    }

    /// <summary>A buyer writes. For <see cref="ConversationKind.Order"/> the channel is the order id; for chats it is the
    /// message-center channel (pass any id, e.g. from <see cref="ChatChannelOf"/>), about <paramref name="productId"/> when given.</summary>
    /// <returns>The new message id.</returns>
    public string AddBuyerMessage(string channelId, string buyerLoginId, string buyerName, string content,
        IReadOnlyList<string>? images = null, ConversationKind kind = ConversationKind.Order, string? productId = null, DateTimeOffset? at = null)
    {
        var (type, externId) = kind == ConversationKind.Order ? ("order", channelId) : productId is null ? ("member", "0") : ("product", productId);
        return _state.AddMessage(channelId, kind == ConversationKind.Order, buyerLoginId, buyerName, fromBuyer: true, content, images, type, externId, at);
    }

    /// <summary>A buyer message in an order whose detail row carries <paramref name="rawFields"/> over the fake's own
    /// fields (a JSON null keeps the field, as null): malformed or unusual payloads as the platform might send them.</summary>
    public string AddRawBuyerMessage(string orderId, string buyerLoginId, string buyerName, JsonObject rawFields, DateTimeOffset? at = null) =>
        _state.AddMessage(orderId, true, buyerLoginId, buyerName, fromBuyer: true, "", null, "order", orderId, at, rawFields);

    /// <summary>Writes <paramref name="rawFields"/> over the relation row of <paramref name="channelId"/> in listings.</summary>
    public void SetRawRelationFields(string channelId, JsonObject rawFields)
    {
        lock (_state.Gate)
        {
            (_state.Find(channelId) ?? throw new InvalidOperationException($"No relation {channelId}.")).RawFields = rawFields;
        }
    }

    /// <summary>Staff answer in the seller center (not through the bridge).</summary>
    public string AddSellerMessage(string channelId, string content, DateTimeOffset? at = null)
    {
        var relation = _state.Find(channelId) ?? throw new InvalidOperationException($"No relation {channelId}.");
        var type = relation.OrderId is null ? "member" : "order";
        return _state.AddMessage(channelId, relation.OrderId is not null, relation.BuyerLoginId, relation.BuyerName, fromBuyer: false,
            content, null, type, relation.OrderId ?? "0", at);
    }

    /// <summary>The seller authorized the app on the platform's page: the single-use code the browser brings back.</summary>
    public string IssueAuthorizationCode() => _router.Auth.IssueCode();

    /// <summary>How many access tokens <c>/auth/token/create</c> and <c>/refresh</c> issued so far.</summary>
    public int TokensIssued => _router.Auth.Issued;

    /// <summary>The message-center channel of a buyer (existing, or the id a new one would get).</summary>
    public string ChatChannelOf(string buyerLoginId) => _state.ChatChannelOf(buyerLoginId);

    public IReadOnlyList<FakeSentMessage> Sent
    {
        get { lock (_state.Gate) { return _state.Sent.ToList(); } }
    }

    public IReadOnlyList<string> MarkedRead
    {
        get { lock (_state.Gate) { return _state.MarkedRead.ToList(); } }
    }

    /// <summary>Every accepted <c>updatemsgprocessed</c> (channel, <c>deal_stat</c>), in order.</summary>
    public IReadOnlyList<(string ChannelId, string DealStat)> Processed
    {
        get { lock (_state.Gate) { return _state.Processed.ToList(); } }
    }

    /// <summary>The Content-Type header of the last request of <paramref name="method"/> (null: none came).</summary>
    public string? ContentTypeOf(string method) => _state.ContentTypes.GetValueOrDefault(method);

    /// <summary>From now on every call of <paramref name="method"/> answers <paramref name="fault"/>, as the platform
    /// answers a method this app has no permission for (e.g. <see cref="FakeFault.InsufficientPermission"/>).</summary>
    public void Refuse(string method, FakeFault fault) => _state.Refusals[method] = fault;

    /// <summary>Ends a <see cref="Refuse"/>: the permission was granted.</summary>
    public void Allow(string method) => _state.Refusals.TryRemove(method, out _);

    /// <summary>How many requests reached the fake for <paramref name="method"/> (faulted ones included).</summary>
    public int UploadCount
    {
        get { lock (_state.Gate) { return _state.Uploads.Count; } }
    }

    public int CallCount(string method) => _state.Calls.GetValueOrDefault(method);

    /// <summary>The next <paramref name="times"/> calls of <paramref name="method"/> ("*" for any) answer with <paramref name="fault"/>.</summary>
    public void FailNext(string method, FakeFault fault, int times = 1)
    {
        var queue = _state.Faults.GetOrAdd(method, _ => new ConcurrentQueue<FakeFault>());
        for (var i = 0; i < times; i++)
        {
            queue.Enqueue(fault);
        }
    }

    /// <summary>Drops every fault still queued, for every method: the outage ends now.</summary>
    public void ClearFaults() => _state.Faults.Clear();

    /// <summary>Answers the next valid call of <paramref name="method"/> with a raw JSON document (for shapes the fake does not produce itself).</summary>
    public void AnswerNext(string method, JsonObject answer) => _router.Override(method, answer);

    /// <summary>Sets (or changes) what the order APIs tell about an order.</summary>
    public void SetOrder(FakeOrder order) => _state.Orders[order.OrderId] = order;

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
