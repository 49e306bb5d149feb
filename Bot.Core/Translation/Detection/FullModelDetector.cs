using Lingua;

namespace Bot.Core.Translation.Detection;

/// <summary>Lingua with its complete high-accuracy models (about 330 MB of heap for 16 languages), for the few short
/// texts the pruned models cannot tell. Built on first use; dropped when <paramref name="idleTime"/> has passed
/// without use, after which a compacting collection gives the memory back to the system.</summary>
internal sealed class FullModelDetector(Language[] languages, TimeSpan idleTime, TimeProvider time) : IDisposable
{
    private readonly Lock gate = new();
    private LanguageDetector? detector;
    private ITimer? unloadTimer;

    public int Loads { get; private set; }

    public bool IsLoaded => Volatile.Read(ref detector) is not null;

    public IReadOnlyList<KeyValuePair<Language, double>> Rank(string text)
    {
        LanguageDetector current;
        lock (gate)
        {
            if (detector is null)
            {
                detector = LanguageDetectorBuilder.FromLanguages(languages).Build();
                Loads++;
            }

            current = detector;
            unloadTimer ??= time.CreateTimer(_ => Unload(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            unloadTimer.Change(idleTime, Timeout.InfiniteTimeSpan);
        }

        return current.ComputeLanguageConfidenceValues(text).Take(2).ToList();
    }

    /// <summary>A call still running keeps its own reference to the models until it returns.</summary>
    public void Unload()
    {
        lock (gate)
        {
            if (detector is null)
            {
                return;
            }

            detector = null;
        }

        System.Runtime.GCSettings.LargeObjectHeapCompactionMode = System.Runtime.GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
    }

    public void Dispose() => unloadTimer?.Dispose();
}
