using Bot.Marketplace.Demo;
using Bot.Tests.Translation;

namespace Bot.Tests.Demo;

/// <summary>What the demo's buyers say is real text in their language: the bridge's own detector recognises every
/// line, so staff see the same translation notes as with real buyers.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)] // no database: the same in both passes
[Collection(TranslationCollection.Name)]
public sealed class DemoPhrasebookTests(DetectorFixture detector)
{
    [Fact]
    public void EveryBuyerLine_IsDetectedAsTheBuyersLanguage()
    {
        var book = DemoPhrasebook.Instance;
        var wrong = (
            from code in book.Codes
            let language = book.Languages[code]
            from line in language.Lines.Values.SelectMany(l => l).Concat(language.Thanks)
            let detected = detector.Detection.Detect(line)
            where detected != code
            select $"{code} detected as {detected ?? "nothing"}: {line}").ToList();

        Assert.Equal(10, book.Codes.Count);
        Assert.Equal(11, book.Topics.Count);
        Assert.Empty(wrong);
    }
}
