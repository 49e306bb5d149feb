using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;

namespace Bot.Marketplace.Demo;

/// <summary>Plausible order facts for a demo buyer's order, from what they write about: the refund buyer has an open
/// dispute, the shipping questions have a tracking number, and so on. Deadlines are anchored to the day, so the time
/// left shrinks as the day goes on.</summary>
internal static class DemoOrderFacts
{
    /// <summary>Demo order ids end with the buyer's number in six digits (see <see cref="DemoScript.Conversation"/>).</summary>
    public static int? IndexOf(string orderId) =>
        orderId.Length > 8 && orderId.StartsWith("81", StringComparison.Ordinal)
            && int.TryParse(orderId[^6..], NumberStyles.None, CultureInfo.InvariantCulture, out var index) ? index : null;

    public static OrderFacts? For(DemoConversation c, DateTimeOffset now)
    {
        if (c.Kind != ConversationKind.Order)
        {
            return null;
        }

        var day = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var price = 9.99m + (c.Index * 7 % 40);
        var count = 1 + (c.Index % 3);
        var tracking = new[] { new OrderTracking(string.Create(CultureInfo.InvariantCulture, $"LP00{c.Index:D6}482CN"), "Cainiao Standard") };
        var (status, words, deadline, shipped) = c.Topic.Id switch
        {
            "packaging" or "wrong_address" => ("WAIT_SELLER_SEND_GOODS", "Paid, waiting for you to ship", new OrderDeadline("Ship by", day.AddDays(3)), false),
            "tracking_missing" => ("WAIT_BUYER_ACCEPT_GOODS", "Shipped, waiting for the buyer to confirm receipt", new OrderDeadline("Buyer confirms receipt by", day.AddDays(40)), false),
            "usage" => ("FINISH", "Finished", null, true),
            "refund" => ("IN_ISSUE", "In dispute", null, true),
            _ => ("WAIT_BUYER_ACCEPT_GOODS", "Shipped, waiting for the buyer to confirm receipt", new OrderDeadline("Buyer confirms receipt by", day.AddDays(25)), true),
        };
        var dispute = c.Topic.Id == "refund"
            ? new OrderDispute(string.Create(CultureInfo.InvariantCulture, $"9{c.Index:D8}"), "open", true, "The item does not work as described")
            : null;
        return new OrderFacts(status, words, [new OrderItem(c.Topic.Product, count, price, "USD")], price * count, "USD",
            Country(c.Language), shipped ? tracking : [], deadline, dispute, Finished: status == "FINISH");
    }

    private static string Country(string language) => language switch
    {
        "en" => "US",
        "pt" => "BR",
        "uk" => "UA",
        "ar" => "SA",
        _ => language.ToUpperInvariant(),
    };
}
