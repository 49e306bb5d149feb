using Bot.Core.Chat;
using Bot.Core.Messages;
using Bot.Core.Staff;

namespace Bot.Tests.Staff;

/// <summary>Which part of a merged staff post a reply answers, from where its quote stands in the post's text.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class QuotedPartTests
{
    private static readonly PostedPart[] Parts =
    [
        new() { MessageId = 1, Text = "Привет, посылка отправлена?", Translation = "Hi, is the parcel sent?" },
        new() { MessageId = 2, Text = "Это подарок", Translation = "It is a gift" },
        new() { MessageId = 3, Text = "ok" },
    ];

    private const string Card = "🧾 Order 1\nBuyer: Ana (b1)\nReply in this topic to answer the buyer.";

    private static readonly string Message =
        $"{Card}\n\n👤 Ana · 10:00 UTC ru → en\nHi, is the parcel sent?\nПривет, посылка отправлена?\n\n" +
        "👤 Ana · 10:01 UTC ru → en\nIt is a gift\nЭто подарок\n\n👤 Ana · 10:01 UTC\nok";

    private static ChatQuote At(string quote, int occurrence = 0)
    {
        var position = -1;
        for (var i = 0; i <= occurrence; i++)
        {
            position = Message.IndexOf(quote, position + 1, StringComparison.Ordinal);
        }

        return new ChatQuote(quote, position, true);
    }

    [Theory]
    [InlineData("Hi, is the parcel", 0, 0)]
    [InlineData("посылка", 0, 0)]
    [InlineData("It is a gift", 0, 1)]
    [InlineData("подарок", 0, 1)]
    [InlineData("10:01 UTC ru", 0, 1)] // the header belongs to the part under it
    [InlineData("👤 Ana · 10:01 UTC", 1, 2)]
    [InlineData("ok", 0, 2)]
    [InlineData("Order 1", 0, 0)] // the card sits on the first part
    public void AQuote_AnswersThePartItStandsIn(string quote, int occurrence, int expected) =>
        Assert.Equal(expected, QuotedPart.Of(Parts, Message, At(quote, occurrence)));

    [Fact]
    public void AnApproximatePosition_IsTakenToTheNearestOccurrenceOfTheQuotedWords()
    {
        var exact = At("It is a gift");

        // 30 units early, the position itself stands in the first part's original.
        Assert.Equal(1, QuotedPart.Of(Parts, Message, exact with { Position = exact.Position - 30 }));
    }

    [Fact]
    public void NoQuote_AnswersTheLastPart() => Assert.Equal(2, QuotedPart.Of(Parts, Message, null));

    [Fact]
    public void ATextThatDoesNotReadAsExpected_FallsBackToTheOnlyPartHoldingTheQuote()
    {
        Assert.Equal(1, QuotedPart.Of(Parts, "edited beyond recognition", new ChatQuote("подарок", 3, true)));
        Assert.Equal(1, QuotedPart.Of(Parts, null, new ChatQuote("It is a gift", 0, true)));
        Assert.Equal(2, QuotedPart.Of(Parts, null, new ChatQuote("Ana", 0, true))); // in none of the words: the last
    }

    [Fact]
    public void ASinglePost_IsAnsweredWhateverTheQuote() =>
        Assert.Equal(0, QuotedPart.Of([Parts[1]], Message, At("Hi, is the parcel")));
}
