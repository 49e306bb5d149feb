using Bot.Core.Translation;
using Bot.Core.Translation.Detection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Bot.Tests.Translation;

/// <summary>The complete high-accuracy models are loaded only for a short text the pruned ones cannot tell, and are
/// dropped again when idle.</summary>
[Trait(Architecture.DatabasePassTests.Trait, Architecture.DatabasePassTests.Fixed)] // no database: the same in both passes
[Collection(TranslationCollection.Name)]
public sealed class DetectionTierTests
{
    [Fact]
    public void FullLengthMessage_IsDetectedWithoutLoadingTheCompleteModels()
    {
        using var detection = Build(new FakeTimeProvider());

        Assert.Equal("en", detection.Detect("Hello, when will you ship my order? I paid three days ago."));
        Assert.Equal("uk", detection.Detect("Доброго дня, коли ви відправите моє замовлення?"));
        Assert.Equal(0, detection.Full!.Loads);
        Assert.Equal((0L, 0L), detection.FullModelUse);
    }

    [Fact]
    public void ShortTextThePrunedModelsCannotTell_LoadsTheCompleteModels_UntilIdleTimePasses()
    {
        var time = new FakeTimeProvider();
        using var detection = Build(time);

        Assert.Equal("it", detection.Detect("Grazie mille"));
        Assert.True(detection.Full!.IsLoaded);
        time.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal("it", detection.Detect("Grazie mille"));
        time.Advance(TimeSpan.FromSeconds(119));
        Assert.True(detection.Full.IsLoaded);

        time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(detection.Full.IsLoaded);
        Assert.Equal("it", detection.Detect("Grazie mille"));
        Assert.Equal(2, detection.Full.Loads);
    }

    [Fact]
    public void DetectionWithoutLoading_LeavesAShortUnclearTextUndetected_UnlessTheCompleteModelsAreLoadedAlready()
    {
        using var detection = Build(new FakeTimeProvider());

        Assert.Null(detection.DetectWithoutLoading("Grazie mille"));
        Assert.Equal(0, detection.Full!.Loads);
        Assert.Equal((0L, 0L), detection.FullModelUse);

        Assert.Equal("it", detection.Detect("Grazie mille"));
        Assert.Equal("it", detection.DetectWithoutLoading("Grazie mille"));
        Assert.Null(detection.Detect("Merci")); // asked, and not told by the complete models either
        Assert.Equal(1, detection.Full.Loads);
        Assert.Equal((3L, 2L), detection.FullModelUse);
    }

    [Fact]
    public void LowAccuracyMode_NeverLoadsTheCompleteModels()
    {
        using var detection = new LanguageDetection(Options.Create(new TranslationOptions { LowAccuracyMode = true }), new FakeTimeProvider(), NullLogger<LanguageDetection>.Instance);

        _ = detection.Detect("Grazie mille");

        Assert.Null(detection.Full);
    }

    private static LanguageDetection Build(TimeProvider time) =>
        new(Options.Create(new TranslationOptions { FullModelsIdleTime = TimeSpan.FromMinutes(2) }), time, NullLogger<LanguageDetection>.Instance);
}
