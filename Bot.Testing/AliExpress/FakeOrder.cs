namespace Bot.Testing.AliExpress;

/// <summary>An order as the fake's order APIs tell it (see <see cref="FakeAliExpressServer.SetOrder"/>).</summary>
/// <param name="Status">order_status, e.g. WAIT_SELLER_SEND_GOODS.</param>
/// <param name="OverTimeLeft">When the status times out (over_time_left, written in US Pacific time), or null.</param>
public sealed record FakeOrder(
    string OrderId,
    string Status,
    IReadOnlyList<FakeOrderItem> Items,
    decimal Amount,
    string Currency = "USD",
    string? Country = null,
    IReadOnlyList<FakeTracking>? Tracking = null,
    DateTimeOffset? OverTimeLeft = null,
    IReadOnlyList<FakeDispute>? Disputes = null);
