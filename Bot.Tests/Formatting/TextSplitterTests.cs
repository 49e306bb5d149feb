
using Bot.Core.Formatting;
namespace Bot.Tests.Formatting;

[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class TextSplitterTests
{
    [Fact]
    public void ShortText_IsOnePart()
    {
        Assert.Equal(["hello"], TextSplitter.Split("hello", 100));
    }

    [Fact]
    public void LongText_SplitsAtWordBoundaries_AndLosesNothing()
    {
        var words = Enumerable.Range(0, 2000).Select(i => $"word{i}").ToList();
        var text = string.Join(' ', words);

        var parts = TextSplitter.Split(text, 4000);

        Assert.All(parts, p => Assert.InRange(p.Length, 1, 4000));
        Assert.Equal(words, parts.SelectMany(p => p.Split(' ')).ToList());
    }

    [Fact]
    public void TextWithoutSpaces_IsCutHard_WithoutSplittingSurrogatePairs()
    {
        var text = string.Concat(Enumerable.Repeat("😀", 3000)); // 6000 UTF-16 units

        var parts = TextSplitter.Split(text, 4095);

        Assert.All(parts, p => Assert.False(char.IsHighSurrogate(p[^1])));
        Assert.Equal(text, string.Concat(parts));
    }
}
