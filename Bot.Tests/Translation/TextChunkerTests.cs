using Bot.Core.Translation.Providers;

namespace Bot.Tests.Translation;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TextChunkerTests
{
    [Fact]
    public void LongText_IsSplitUnderTheLimitAtSentenceEnds_AndJoinsBack()
    {
        var text = LongText.Build(10_000);

        var pieces = TextChunker.Split(text, 2000);

        Assert.True(pieces.Count >= 5);
        Assert.All(pieces, p => Assert.InRange(p.Length, 1, 2000));
        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces.SkipLast(1), p => Assert.Matches(@"[.?!]\s*$", p));
    }

    [Fact]
    public void TextWithoutSpaces_IsCutHard_ButNeverInsideASurrogatePairOrPlaceholder()
    {
        var text = string.Concat(Enumerable.Repeat("字😀⟦12⟧", 400));

        var pieces = TextChunker.Split(text, 100);

        Assert.Equal(text, string.Concat(pieces));
        Assert.All(pieces, p =>
        {
            Assert.InRange(p.Length, 1, 100);
            Assert.False(char.IsHighSurrogate(p[^1]));
            Assert.Equal(p.Count(c => c == '⟦'), p.Count(c => c == '⟧'));
        });
    }

    [Fact]
    public void ShortText_IsOnePiece() => Assert.Equal(["Где мой заказ?"], TextChunker.Split("Где мой заказ?", 100));
}
