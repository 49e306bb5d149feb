using System.Diagnostics;
using Bot.Core.Translation;
using Bot.Core.Translation.Detection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Bot.Tests.Translation;

/// <summary>One detector for all translation tests (as in production, a singleton: building it is the expensive part).
/// Also measures that cost.</summary>
public sealed class DetectorFixture
{
    public DetectorFixture()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        Detection = new LanguageDetection(Options.Create(new TranslationOptions { PreloadLanguageModels = true }), TimeProvider.System, NullLogger<LanguageDetection>.Instance);
        BuildTime = Stopwatch.GetElapsedTime(started);
        ManagedBytes = GC.GetTotalMemory(forceFullCollection: true) - before;
    }

    public LanguageDetection Detection { get; }

    public TimeSpan BuildTime { get; }

    /// <summary>Managed heap growth caused by building the detector with preloaded models.</summary>
    public long ManagedBytes { get; }
}
