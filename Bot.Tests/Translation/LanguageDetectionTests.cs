using System.Diagnostics;
using Bot.Testing.Translation;
using Xunit.Abstractions;

namespace Bot.Tests.Translation;

[Collection(TranslationCollection.Name)]
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)]
public sealed class LanguageDetectionTests(DetectorFixture detector, ITestOutputHelper output)
{
    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var (language, text) in MarketplaceCorpus.Messages)
        {
            data.Add(language, text);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void MarketplaceMessage_IsDetectedInItsLanguage(string language, string text) =>
        Assert.Equal(language, detector.Detection.Detect(text));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("👍")]
    [InlineData("🙏🙏🙏 ❤️")]
    [InlineData("ok")]
    [InlineData("???")]
    [InlineData("LP00123456789012")]
    [InlineData("8123456789012345 https://aliexpress.com/item/1005006.html")]
    [InlineData("€12.50 👍")]
    public void TooShortOrWordless_IsNotDetected(string text) =>
        Assert.Null(detector.Detection.Detect(text));

    [Fact]
    public void TrackingNumberAndLinks_DoNotSwayDetection() =>
        Assert.Equal("ru", detector.Detection.Detect("Где посылка? Трек RB123456789CN, https://track.example.com/RB123456789CN"));

    [Fact]
    public void MixedLanguageMessage_IsDetectedAsTheDominantLanguage() =>
        Assert.Equal("ru", detector.Detection.Detect("Hello! Подскажите, пожалуйста, когда придёт мой заказ, очень жду"));

    [Fact]
    public void Corpus_AccuracyAndCost_AreReported()
    {
        var started = Stopwatch.GetTimestamp();
        var wrong = MarketplaceCorpus.Messages.Where(m => detector.Detection.Detect(m.Text) != m.Language).ToList();
        var correct = MarketplaceCorpus.Messages.Length - wrong.Count;
        wrong.ForEach(m => output.WriteLine($"wrong: {m.Language} {m.Text} -> {detector.Detection.Detect(m.Text)}"));
        var perMessage = Stopwatch.GetElapsedTime(started) / MarketplaceCorpus.Messages.Length;
        output.WriteLine($"Detector build (16 languages, preloaded): {detector.BuildTime.TotalMilliseconds:F0} ms, managed heap +{detector.ManagedBytes / 1024 / 1024} MB");
        output.WriteLine($"Accuracy on {MarketplaceCorpus.Messages.Length} messages: {correct} correct; {perMessage.TotalMilliseconds:F2} ms per message");
        output.WriteLine($"Managed heap after corpus: {GC.GetTotalMemory(true) / 1024 / 1024} MB, working set {Environment.WorkingSet / 1024 / 1024} MB");
        var shortWrong = MarketplaceCorpus.ShortMessages.Where(m => detector.Detection.Detect(m.Text) != m.Language).ToList();
        shortWrong.ForEach(m => output.WriteLine($"short wrong: {m.Language} {m.Text} -> {detector.Detection.Detect(m.Text) ?? "null"}"));
        output.WriteLine($"Very short messages: {MarketplaceCorpus.ShortMessages.Length - shortWrong.Count}/{MarketplaceCorpus.ShortMessages.Length} correct");
        Assert.Equal(MarketplaceCorpus.Messages.Length, correct);
    }
}
