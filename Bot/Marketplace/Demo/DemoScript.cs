using System.Globalization;
using Bot.Core.Conversations;
using Bot.Core.Marketplace;
using Microsoft.Extensions.Options;

namespace Bot.Marketplace.Demo;

/// <summary>Who the demo's buyers are and what they say, derived from the seed and the buyer's number alone: the same
/// seed always gives the same buyers, so nothing but the cursor has to be stored.</summary>
internal sealed class DemoScript(IOptions<DemoOptions> options)
{
    /// <summary>A buyer answers at most this many staff replies: a follow-up question, then thanks.</summary>
    public const int Answers = 2;

    private const string ContextPrefix = "demo:";

    private static DemoPhrasebook Book => DemoPhrasebook.Instance;

    private int Seed => options.Value.Seed;

    public DemoConversation Conversation(int index)
    {
        var codes = Book.Codes;
        // Consecutive buyers speak different languages and write about different topics.
        var code = codes[(index + DemoMix.Pick(Seed, 0, 1, codes.Count)) % codes.Count];
        var topic = Book.Topics[((index * 4) + DemoMix.Pick(Seed, 0, 2, Book.Topics.Count)) % Book.Topics.Count];
        var language = Book.Languages[code];
        var lines = language.Lines[topic.Id];
        var salt = (uint)Seed % 100_000;
        var id = topic.Kind == ConversationKind.Order
            ? string.Create(CultureInfo.InvariantCulture, $"81{salt:D5}{DemoMix.Pick(Seed, index, 3, 1000):D3}{index:D6}")
            : string.Create(CultureInfo.InvariantCulture, $"52{salt:D5}{index:D6}");
        var card = topic.Kind == ConversationKind.Order ? new OrderCard(OrderId: id, ProductName: topic.Product) : new OrderCard(ProductName: topic.Product);
        return new DemoConversation(
            index,
            id,
            topic.Kind,
            string.Create(CultureInfo.InvariantCulture, $"demo-buyer-{salt}-{index}"),
            language.Names[DemoMix.Pick(Seed, index, 4, language.Names.Count)],
            code,
            topic,
            card,
            lines[0],
            lines[1],
            language.Thanks[DemoMix.Pick(Seed, index, 5, language.Thanks.Count)]);
    }

    /// <summary>What buyer <paramref name="index"/> writes at <paramref name="step"/>: 0 opens the conversation, 1 and 2
    /// answer the first and the next staff reply.</summary>
    public MarketplaceMessage Message(int index, int step, DateTimeOffset at)
    {
        var c = Conversation(index);
        var text = step switch
        {
            0 => c.Opening,
            1 => c.FollowUp,
            _ => c.Thanks,
        };
        return new MarketplaceMessage(
            string.Create(CultureInfo.InvariantCulture, $"demo-{index}-{step}"),
            c.ConversationId,
            c.Kind,
            MarketplaceAuthor.Buyer,
            c.BuyerId,
            c.BuyerName,
            text,
            [],
            at,
            c.Card,
            ContextPrefix + index.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>The buyer's number from the reply context stored with the conversation, or null for a conversation
    /// this demo did not start.</summary>
    public static int? IndexOf(string? replyContext) =>
        replyContext is not null && replyContext.StartsWith(ContextPrefix, StringComparison.Ordinal)
        && int.TryParse(replyContext.AsSpan(ContextPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            ? index
            : null;
}
