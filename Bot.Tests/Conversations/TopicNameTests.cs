using System.Globalization;
using System.Text;
using Bot.Core.Conversations;

namespace Bot.Tests.Conversations;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TopicNameTests
{
    private const string Family = "👨‍👩‍👧‍👦"; // Four emoji joined by ZWJ: one text element of 11 UTF-16 code units.

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(7)]
    public void LongEmojiBuyerName_IsCutBetweenTextElements_WithinTelegramsLimit(int padding)
    {
        // 54 emoji put the family across the cut at 127; the padding moves the cut through every part of it.
        var buyer = new string('x', padding) + string.Concat(Enumerable.Repeat("😀", 54)) + Family + string.Concat(Enumerable.Repeat("🎁", 10));
        var full = $"🧾 61001 · {buyer}";

        var name = TopicNames.Of(Conversation(buyer));

        Assert.True(name.Length <= 128, $"{name.Length} UTF-16 code units");
        Assert.EndsWith("…", name, StringComparison.Ordinal);
        var kept = name[..^1];
        Assert.StartsWith(kept, full, StringComparison.Ordinal);
        Assert.Contains(kept.Length, StringInfo.ParseCombiningCharacters(full));
        Assert.True(kept.Contains(Family, StringComparison.Ordinal) || !kept.Contains("👨", StringComparison.Ordinal), "the family emoji was split");
        _ = new UTF8Encoding(false, throwOnInvalidBytes: true).GetByteCount(kept); // Throws on a lone surrogate.
    }

    [Fact]
    public void ShortBuyerName_IsKeptWhole()
    {
        Assert.Equal($"🧾 61001 · Anna {Family}", TopicNames.Of(Conversation($"Anna {Family}")));
    }

    private static Conversation Conversation(string buyer) =>
        new(1, "aliexpress", "seller", ConversationKind.Order, "61001", "buyer-1", buyer, null, null, null);
}
