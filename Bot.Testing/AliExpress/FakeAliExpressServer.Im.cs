namespace Bot.Testing.AliExpress;

/// <summary>The IM family's controls.</summary>
public sealed partial class FakeAliExpressServer
{
    /// <summary>The older family's message methods this fake serves.</summary>
    public static readonly IReadOnlyList<string> VersionTwoMethods =
    [
        FakeListingHandlers.Relations, FakeListingHandlers.Details, FakeWriteHandlers.AddMessage, FakeWriteHandlers.MarkRead, FakeProcessedHandler.Method,
    ];

    /// <summary>From now on every <c>aliexpress.message.redefining.versiontwo.*</c> call answers <paramref name="fault"/>:
    /// by default the answer the gateway gives a method it does not offer (<see cref="FakeFault.ApiNotFound"/>); pass
    /// <see cref="FakeFault.InsufficientPermission"/> for "not permitted".</summary>
    public void RetireVersionTwo(FakeFault? fault = null)
    {
        foreach (var method in VersionTwoMethods)
        {
            Refuse(method, fault ?? FakeFault.ApiNotFound(method));
        }
    }

    /// <summary>The numeric IM <c>buyer_id</c> of a buyer (the fake's ali id), or null when the buyer never wrote.</summary>
    public string? ImBuyerIdOf(string buyerLoginId)
    {
        lock (_state.Gate)
        {
            return _state.Relations.FirstOrDefault(r => r.BuyerLoginId == buyerLoginId)?.BuyerAliId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
